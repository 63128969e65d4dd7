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
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (!id.includes('node_modules')) return undefined;
          if (id.includes('/echarts/') || id.includes('/zrender/')) return 'echarts';
          if (id.includes('/element-plus/') || id.includes('/@element-plus/') || id.includes('/@floating-ui/') || id.includes('/@vueuse/') || id.includes('/async-validator/') || id.includes('/dayjs/') || id.includes('/lodash')) return 'element-plus';
          if (id.includes('/@intlify/') || id.includes('/vue-i18n/')) return 'vue-i18n';
          if (id.includes('/vue/') || id.includes('/@vue/') || id.includes('/vue-router/') || id.includes('/pinia/')) return 'vue';
          return undefined;
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
