// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import salesos from './tools/eslint/salesos-plugin.cjs';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '**/dist/',
      'coverage/',
      'data/',
      'bench/results/',
      'deploy/kafka/.cache/',
      '.nx/',
      'tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { salesos },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'salesos/no-cross-service-import': 'error',
      'salesos/pure-domain': 'error',
      'salesos/feature-boundaries': 'error',
      'salesos/no-feature-cycles': 'error',
      'salesos/public-entry': 'error',
    },
  },
  {
    // The API's input rules are written once, in libs/http; these decorators let null, week dates or other loose
    // forms through to the domain.
    files: ['libs/**/*.ts', 'services/**/*.ts', 'tools/**/*.ts'],
    ignores: ['libs/http/src/optional.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional', 'ValidateIf', 'IsISO8601', 'IsDateString', 'IsDate'],
              message:
                'Use @Optional() or @RequiredWhen() (null refused) and @IsCalendarDate() or @IsInstant() from @salesos/http.',
            },
            {
              name: '@nestjs/swagger',
              importNames: ['PartialType'],
              message: 'PartialType makes fields @IsOptional(), which lets null through; mark each field @Optional().',
            },
            {
              name: '@nestjs/mapped-types',
              importNames: ['PartialType'],
              message: 'PartialType makes fields @IsOptional(), which lets null through; mark each field @Optional().',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      // Plain JavaScript is parsed without the TypeScript project: no type-checked rules run on it.
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // HTTP tests read response bodies, which supertest types as any.
    files: ['**/api/**/*.spec.ts', '**/api/**/*.api-cases.ts', '**/*.e2e-spec.ts', '**/*openapi.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
