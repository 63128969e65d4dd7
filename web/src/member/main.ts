// The members' phone app (/m/): a second entry of the same Vite app, with Vant instead of Element Plus.
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import 'vant/es/style/base.css';
import './member.css';
import App from './App.vue';
import { memberI18n } from './i18n';
import { memberRouter } from './router';

createApp(App).use(createPinia()).use(memberI18n).use(memberRouter).mount('#app');
