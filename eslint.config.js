// The design's layering, checked on every `npm test`: the model imports nothing above it; the UI
// does not reach into the renderer, nor the scene into the UI; code outside the model imports it
// through its index. Import cycles are checked by test/unit/imports.test.ts, which also counts
// type-only imports (import-x/no-cycle skips them).
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const ABOVE_THE_MODEL = ['./src/app', './src/state', './src/ui', './src/scene', './src/render', './src/storage', './src/report', './src/photo', './workers'];

export default tseslint.config(
  { ignores: ['dist/**', 'dev-dist/**', 'scratch/**', 'test-results/**', 'node_modules/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/model', from: ABOVE_THE_MODEL, message: 'The model imports nothing above it.' },
            { target: './src/ui', from: './src/render', message: 'The UI does not import the renderer: go through the scene or the state.' },
            { target: './src/scene', from: './src/ui', message: 'The scene does not import the UI: take what it draws as props.' },
            { target: ABOVE_THE_MODEL, from: './src/model', except: ['./index.ts'], message: 'Outside the model, import it from src/model (its index).' },
          ],
        },
      ],
    },
  },
);
