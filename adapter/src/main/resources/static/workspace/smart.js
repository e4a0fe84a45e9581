// SMART on FHIR standalone launch for the workspace: authorization code with PKCE against the server's issuer
// (discovered from /.well-known/smart-configuration), the token kept in this tab's sessionStorage only, and every
// request to /fhir carrying it. The page sees exactly what the user's token lets it see.
const TOKEN = 'workspace.token';
const PENDING = 'workspace.pending';

export const fhirBase = `${location.origin}/fhir`;

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(size) {
  return base64url(crypto.getRandomValues(new Uint8Array(size)));
}

async function configuration() {
  const answer = await fetch(`${location.origin}/.well-known/smart-configuration`, {headers: {Accept: 'application/json'}});
  if (!answer.ok) throw new Error(`SMART configuration: ${answer.status}`);
  return answer.json();
}

function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

/** Sends the browser to the issuer's login; it comes back to this page with a code. */
export async function logIn(settings) {
  const smart = await configuration();
  const verifier = randomText(48);
  const state = randomText(16);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({verifier, state, tokenEndpoint: smart.token_endpoint,
    route: location.hash}));
  const query = new URLSearchParams({response_type: 'code', client_id: settings.clientId,
    redirect_uri: redirectUri(), scope: settings.scope, state, aud: fhirBase,
    code_challenge: challenge, code_challenge_method: 'S256'});
  location.assign(`${smart.authorization_endpoint}?${query}`);
}

/** Finishes a login the issuer sent back (?code=&state=); true when a token is at hand afterwards. */
export async function completeLogIn(settings) {
  const query = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  if (query.has('code') && pending && query.get('state') === pending.state) {
    sessionStorage.removeItem(PENDING);
    const answer = await fetch(pending.tokenEndpoint, {method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
      body: new URLSearchParams({grant_type: 'authorization_code', code: query.get('code'),
        redirect_uri: redirectUri(), client_id: settings.clientId, code_verifier: pending.verifier})});
    if (!answer.ok) throw new Error(`token request refused: ${answer.status}`);
    const token = await answer.json();
    sessionStorage.setItem(TOKEN, JSON.stringify({accessToken: token.access_token,
      expiresAt: Date.now() + (token.expires_in || 300) * 1000, claims: claims(token.access_token)}));
    history.replaceState(null, '', `${location.pathname}${pending.route || ''}`);
  }
  return current() !== null;
}

function claims(jwt) {
  const body = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(escape(atob(body))));
}

/** The token of this tab, or null when there is none or it has expired. */
export function current() {
  const token = JSON.parse(sessionStorage.getItem(TOKEN) || 'null');
  return token && token.expiresAt > Date.now() + 5000 ? token : null;
}

export function logOut() {
  sessionStorage.removeItem(TOKEN);
}

/** An answer the server refused, with the reasons its OperationOutcome gives. */
export class Refusal extends Error {
  constructor(status, reasons) {
    super(reasons.join('; ') || `HTTP ${status}`);
    this.status = status;
    this.reasons = reasons;
  }
}

/** A FHIR request with the user's token: the parsed resource, or a Refusal with the server's reasons. */
export async function fhir(path, options = {}) {
  const token = current();
  if (!token) throw new Refusal(401, ['Your session has ended: log in again.']);
  const answer = await fetch(path.startsWith('http') ? path : `${fhirBase}/${path}`, {
    method: options.method || 'GET',
    headers: {Authorization: `Bearer ${token.accessToken}`, Accept: 'application/fhir+json',
      ...(options.body ? {'Content-Type': 'application/fhir+json'} : {}), ...(options.headers || {})},
    body: options.body ? JSON.stringify(options.body) : undefined});
  const text = await answer.text();
  const resource = text ? JSON.parse(text) : null;
  if (!answer.ok) {
    const issues = resource && resource.resourceType === 'OperationOutcome' ? resource.issue || [] : [];
    throw new Refusal(answer.status, issues.map(issue => issue.diagnostics || (issue.details || {}).text || issue.code));
  }
  return resource;
}

/** Every resource of a search, following next links up to a limit of pages. */
export async function searchAll(query, pages = 20) {
  const found = [];
  let bundle = await fhir(query);
  for (let page = 0; bundle && page < pages; page++) {
    (bundle.entry || []).forEach(entry => entry.resource && found.push(entry.resource));
    const next = (bundle.link || []).find(link => link.relation === 'next');
    bundle = next ? await fhir(next.url) : null;
  }
  return found;
}
