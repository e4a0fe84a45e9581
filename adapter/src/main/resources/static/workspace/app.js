// The workspace's entry: log in (SMART standalone launch), then route between the caseload worklist and a client.
import {completeLogIn, current, logIn, logOut} from './smart.js';
import {el, problem} from './view.js';
import {showWorklist} from './worklist.js';
import {showClient} from './client.js';

const main = document.getElementById('main');
const who = document.getElementById('who');

async function start() {
  const settings = await (await fetch('config.json', {headers: {Accept: 'application/json'}})).json();
  try {
    if (!await completeLogIn(settings)) {
      main.replaceChildren(el('h1', {}, 'Case management workspace'),
        el('p', {}, 'Your caseload, your clients\' records and the day\'s work, as your account may see them.'),
        el('button', {type: 'button', id: 'log-in', onclick: () => logIn(settings)}, 'Log in'));
      return;
    }
  } catch (failure) {
    main.replaceChildren(el('h1', {}, 'Log in failed'), problem(failure),
      el('button', {type: 'button', onclick: () => logIn(settings)}, 'Try again'));
    return;
  }
  const claims = current().claims;
  who.replaceChildren(`${claims.sub}${claims.fhirUser ? ` (${claims.fhirUser})` : ''} `,
    el('button', {type: 'button', id: 'log-out', onclick: () => { logOut(); location.hash = ''; location.reload(); }},
      'Log out'));
  window.addEventListener('hashchange', () => route(claims));
  await route(claims);
}

async function route(claims) {
  const hash = location.hash;
  if (hash && !hash.startsWith('#/')) return;  // an anchor within the page
  const client = hash.match(/^#\/client\/([^/]+)/);
  const started = performance.now();
  try {
    if (client) await showClient(main, client[1], claims);
    else if (claims.fhirUser) await showWorklist(main, claims.fhirUser);
    else main.replaceChildren(el('h1', {}, 'No caseload'), el('p', {}, 'Your account names no practitioner.'));
  } catch (failure) {
    main.replaceChildren(problem(failure));
  }
  main.dataset.renderedMs = String(Math.round(performance.now() - started));
  // Since the page's navigation began: bench/workspace.sh reads it as the time until the page shows its content.
  main.dataset.renderedAt = String(Math.round(performance.now()));
  main.dataset.ready = 'true';
  const heading = main.querySelector('h1');
  if (heading) { heading.tabIndex = -1; heading.focus(); }
}

start();
