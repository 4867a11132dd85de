import { mount } from 'svelte';
import App from './App.svelte';
import { loadSession } from './lib/session.svelte';
import { startRouter } from './lib/router.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('missing #app element');

startRouter();
void loadSession();

export default mount(App, { target });
