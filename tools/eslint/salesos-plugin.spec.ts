import { type Rule, RuleTester } from 'eslint';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require('./salesos-plugin.cjs') as { rules: Record<string, Rule.RuleModule> };

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';

// The TypeScript parser, so that `import type` reads as the project writes it.
const tester = new RuleTester({
  languageOptions: { ecmaVersion: 2022, sourceType: 'module', parser: tseslint.parser },
});
const rule = (name: string): Rule.RuleModule => plugin.rules[name] as Rule.RuleModule;

describe('salesos lint rules', () => {
  describe('no-cross-service-import: a service may not import another service', () => {
    tester.run('no-cross-service-import', rule('no-cross-service-import'), {
      valid: [
        { code: "import { x } from './lead.decider';", filename: '/repo/services/leads/src/leads/domain/a.ts' },
        { code: "import { x } from '../../shared/y';", filename: '/repo/services/leads/src/leads/domain/a.ts' },
        { code: "import { x } from '@salesos/event-store';", filename: '/repo/services/leads/src/a.ts' },
        { code: "import { x } from '../channels/a';", filename: '/repo/libs/messaging/src/a.ts' },
      ],
      invalid: [
        {
          code: "import { x } from '../../../channels/src/dealer';",
          filename: '/repo/services/leads/src/leads/a.ts',
          errors: [{ messageId: 'crossService' }],
        },
        {
          code: "export * from '@salesos/service-reporting';",
          filename: '/repo/services/leads/src/a.ts',
          errors: [{ messageId: 'crossService' }],
        },
        {
          code: "const y = require('../../../staffing/src/rep');",
          filename: '/repo/services/leads/src/leads/a.ts',
          errors: [{ messageId: 'crossService' }],
        },
      ],
    });
  });

  describe('pure-domain: domain/ imports no Nest, TypeORM, Kafka or drivers', () => {
    tester.run('pure-domain', rule('pure-domain'), {
      valid: [
        {
          code: "import { foldEvents } from '@salesos/event-sourcing';",
          filename: '/repo/services/leads/src/leads/domain/a.ts',
        },
        {
          code: "import { Injectable } from '@nestjs/common';",
          filename: '/repo/services/leads/src/leads/application/a.ts',
        },
      ],
      invalid: ['@nestjs/common', 'typeorm', 'kafkajs', 'pg'].map((source) => ({
        code: `import { x } from '${source}';`,
        filename: '/repo/services/leads/src/leads/domain/a.ts',
        errors: [{ messageId: 'impure' }],
      })),
    });
  });
});

describe('architecture rules of a service', () => {
  const leads = '/repo/services/leads/src';

  describe('feature-boundaries: features through their index, arrows down inside a feature', () => {
    tester.run('feature-boundaries', rule('feature-boundaries'), {
      valid: [
        { code: "import { ActiveSegments } from '../../segments';", filename: `${leads}/leads/application/a.ts` },
        { code: "import { x } from '../../segments/index';", filename: `${leads}/leads/application/a.ts` },
        { code: "import { x } from '../domain/lead.decider';", filename: `${leads}/leads/application/a.ts` },
        { code: "import { x } from '../application/lead-streams';", filename: `${leads}/leads/projections/a.ts` },
        { code: "import { x } from '../application/b';", filename: `${leads}/leads/api/a.ts` },
        { code: "import { x } from './b';", filename: `${leads}/leads/api/a.ts` },
        { code: "import { x } from './api/b';", filename: `${leads}/leads/leads.module.ts` },
        { code: "import { x } from '../../core/csv';", filename: `${leads}/leads/api/a.ts` },
        { code: "import { x } from '../../core/domain/target-audience';", filename: `${leads}/leads/domain/a.ts` },
        { code: "import type { X } from '../../assignment';", filename: `${leads}/leads/domain/a.ts` },
        { code: "import { x } from './leads';", filename: `${leads}/leads-app.ts` },
        { code: "import { x } from '../projections/b';", filename: `${leads}/leads/api/a.spec.ts` },
      ],
      invalid: [
        {
          code: "import { SegmentCatalog } from '../../segments/projections/segment-catalog';",
          filename: `${leads}/leads/application/a.ts`,
          errors: [{ messageId: 'internals' }],
        },
        {
          code: "import { LeadsModule } from './leads/leads.module';",
          filename: `${leads}/leads-app.ts`,
          errors: [{ messageId: 'internals' }],
        },
        {
          code: "import { x } from '../api/b';",
          filename: `${leads}/leads/application/a.ts`,
          errors: [{ messageId: 'upward' }],
        },
        {
          code: "import { x } from '../application/b';",
          filename: `${leads}/leads/domain/a.ts`,
          errors: [{ messageId: 'upward' }],
        },
        {
          code: "import { x } from '../projections/b';",
          filename: `${leads}/leads/api/a.ts`,
          errors: [{ messageId: 'upward' }],
        },
        {
          code: "import { x } from '../leads';",
          filename: `${leads}/core/a.ts`,
          errors: [{ messageId: 'coreImportsFeature' }],
        },
        {
          code: "import { chooseAssignee } from '../../assignment';",
          filename: `${leads}/leads/domain/a.ts`,
          errors: [{ messageId: 'domainRuntime' }],
        },
        {
          code: "import { EVENT_STORE } from '../../core/leads-service.tokens';",
          filename: `${leads}/leads/domain/a.ts`,
          errors: [{ messageId: 'domainImpureCore' }],
        },
      ],
    });
  });

  describe('public-entry: outside a service, only its index', () => {
    tester.run('public-entry', rule('public-entry'), {
      valid: [
        { code: "import { x } from '../services/leads/src';", filename: '/repo/tools/a.ts' },
        { code: "import { x } from '../../services/leads/src/index';", filename: '/repo/tools/demo/a.ts' },
        { code: "import { x } from '../src/leads-app';", filename: '/repo/services/leads/scripts/a.ts' },
      ],
      invalid: [
        {
          code: "import { x } from '../services/leads/src/leads/application/capture-lead.handler';",
          filename: '/repo/tools/a.ts',
          errors: [{ messageId: 'internals' }],
        },
        {
          code: "import { x } from '../services/reporting/src/shared/reporting-database';",
          filename: '/repo/bench/a.ts',
          errors: [{ messageId: 'internals' }],
        },
      ],
    });
  });

  describe('no-feature-cycles: features import each other without cycles', () => {
    const root = mkdtempSync(join(tmpdir(), 'salesos-lint-'));
    const src = join(root, 'services', 'shop', 'src');
    const write = (file: string, text: string): string => {
      const full = join(src, file);
      mkdirSync(join(full, '..'), { recursive: true });
      writeFileSync(full, text);
      return full;
    };
    write('orders/index.ts', "export * from './application/a';");
    write('orders/application/a.ts', "import { y } from '../../billing';\nexport const x = y;");
    write('billing/index.ts', "export * from './application/b';");
    write('billing/application/b.ts', "import { z } from '../../tax';\nexport const y = z;");
    write('tax/index.ts', 'export const z = 1;\nexport const w = 2;');
    write('orders/api/orders.spec.ts', "import { x } from '../../tax';");

    tester.run('no-feature-cycles', rule('no-feature-cycles'), {
      valid: [
        { code: "import { z } from '../../tax';", filename: join(src, 'billing', 'application', 'b.ts') },
        { code: "import { x } from '../../orders';", filename: join(src, 'orders', 'api', 'c.spec.ts') },
        { code: "import { x } from '../../core/y';", filename: join(src, 'tax', 'application', 'c.ts') },
      ],
      invalid: [
        {
          code: "import { x } from '../../orders';",
          filename: join(src, 'tax', 'application', 'c.ts'),
          errors: [
            { messageId: 'cycle', data: { from: 'tax', to: 'orders', route: 'tax -> orders -> billing -> tax' } },
          ],
        },
        {
          code: "import { x } from '../../orders';",
          filename: join(src, 'billing', 'api', 'c.ts'),
          errors: [{ messageId: 'cycle' }],
        },
      ],
    });
  });
});
