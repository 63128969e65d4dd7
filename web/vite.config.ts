/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import AutoImport from 'unplugin-auto-import/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

const api = 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus on demand: components used in templates and the service APIs (ElMessage, ElMessageBox)
    // are imported with their styles only where they are used.
    AutoImport({ resolvers: [ElementPlusResolver()], dts: 'src/auto-imports.d.ts' }),
    Components({ resolvers: [ElementPlusResolver()], dts: 'src/components.d.ts', dirs: [] }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    proxy: { '/api': api, '/health': api, '/openapi': api },
  },
  preview: {
    proxy: { '/api': api, '/health': api, '/openapi': api },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Vendor code in chunks that change less often than the app. Dependencies stay in their own
        // group instead of being pulled into the first group that imports them.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 5 },
            { name: 'element-plus', test: /node_modules[\\/](element-plus|@element-plus)[\\/]/, priority: 4 },
            { name: 'element-plus-deps', test: /node_modules[\\/](@floating-ui|@vueuse|async-validator|dayjs|lodash[^\\/]*)[\\/]/, priority: 3 },
            { name: 'vue-i18n', test: /node_modules[\\/](@intlify|vue-i18n)[\\/]/, priority: 2 },
            { name: 'vue', test: /node_modules[\\/](vue|@vue|vue-router|pinia)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/**/*.test.ts'],
    // Element Plus service APIs come with their CSS; let Vite (not Node) load them in tests.
    server: { deps: { inline: ['element-plus'] } },
  },
});
