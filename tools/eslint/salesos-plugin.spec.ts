import { type Rule, RuleTester } from 'eslint';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require('./salesos-plugin.cjs') as { rules: Record<string, Rule.RuleModule> };

const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
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
