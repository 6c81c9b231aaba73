import { render } from 'preact';
import { App } from './App';
import { currentLocale } from './i18n';
import { interceptLinks } from './lib/router';
import './styles.css';

document.documentElement.lang = currentLocale();
const root = document.getElementById('app')!;
root.textContent = '';
interceptLinks(document.body);
render(<App />, root);
