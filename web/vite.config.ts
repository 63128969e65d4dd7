/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import AutoImport from 'unplugin-auto-import/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { VantResolver } from '@vant/auto-import-resolver';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const api = 'http://127.0.0.1:5080';

// Measures the JavaScript the member app (/m/) loads for its first screen: the entry chunk and every chunk it
// imports statically (sign-in and home are in the entry; other pages load on demand), gzipped.
interface ChunkLike { type: 'chunk'; code: string; imports: string[]; isEntry: boolean; facadeModuleId: string | null; name: string }
interface AssetLike { type: 'asset' }

/** The chunk names loaded before the member app's first screen shows, entry first. */
function firstScreenChunks(bundle: Record<string, ChunkLike | AssetLike>, entryPath: string): string[] {
  const entry = Object.entries(bundle).find(([, c]) => c.type === 'chunk' && c.isEntry && (c.facadeModuleId ?? '').replace(/\\/g, '/').endsWith(entryPath));
  if (!entry) return [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const chunk = bundle[file];
    if (!chunk || chunk.type !== 'chunk') return;
    seen.add(file);
    chunk.imports.forEach(visit);
  };
  visit(entry[0]);
  return [...seen];
}

function gzipBytes(bundle: Record<string, ChunkLike | AssetLike>, files: string[]): number {
  return files.reduce((sum, f) => {
    const c = bundle[f];
    return c && c.type === 'chunk' ? sum + gzipSync(Buffer.from(c.code), { level: 9 }).length : sum;
  }, 0);
}

function memberFirstScreenBudget(limitBytes: number, entryPath = 'm/index.html'): Plugin {
  return {
    name: 'tongxin-member-first-screen-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const all = bundle as unknown as Record<string, ChunkLike | AssetLike>;
      const files = firstScreenChunks(all, entryPath);
      if (!files.length) this.error(`member app entry ${entryPath} not found in the bundle`);
      const bytes = gzipBytes(all, files);
      const kb = (bytes / 1024).toFixed(1);
      console.log(`member app first screen: ${kb} KB JS gzip (${files.join(', ')}; budget ${limitBytes / 1024} KB)`);
      if (bytes > limitBytes) this.error(`member app first screen is ${kb} KB JS gzip, over the ${limitBytes / 1024} KB budget`);
    },
  };
}


/**
 * Vant's icon font is embedded (woff2 as a data URL) with a fallback on a public CDN. The server's CSP allows
 * fonts only from itself, and Chromium still asks for the fallback: every member page logged a CSP error and a
 * failed request to at.alicdn.com. The embedded font is enough, so the fallback is dropped from Vant's CSS.
 */
function dropVantRemoteFont(): Plugin {
  return {
    name: 'tongxin-drop-vant-remote-font',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]vant[\\/].*\.css$/.test(id.split('?')[0]) || !code.includes('at.alicdn.com')) return null;
      return { code: code.replace(/,\s*url\((["']?)\/\/at\.alicdn\.com[^)]*\)\s*format\((["'])woff\2\)/g, ''), map: null };
    },
  };
}

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus on demand: components used in templates and the service APIs (ElMessage, ElMessageBox)
    // are imported with their styles only where they are used.
    AutoImport({ resolvers: [ElementPlusResolver()], dts: 'src/auto-imports.d.ts' }),
    // Vant (the member app under /m/) the same way: each component with its own style.
    Components({ resolvers: [ElementPlusResolver(), VantResolver()], dts: 'src/components.d.ts', dirs: [] }),
    // The member app's first screen must stay under 150 KB of JavaScript (gzip): the build fails above it.
    memberFirstScreenBudget(150 * 1024),
    dropVantRemoteFont(),
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
      // Two entries of one app: the staff desktop app (/) and the members' phone app (/m/).
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        member: fileURLToPath(new URL('./m/index.html', import.meta.url)),
      },
      output: {
        // Vendor code in chunks that change less often than the app. Dependencies stay in their own
        // group instead of being pulled into the first group that imports them.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 5 },
            { name: 'vant', test: /node_modules[\\/](vant|@vant)[\\/]/, priority: 4 },
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
    server: { deps: { inline: ['element-plus', 'vant'] } },
  },
});
