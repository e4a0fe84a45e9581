// Small helpers shared by the pages: elements, names, days.
const ENCOUNTER_KIND = 'https://fhir.casemgmt-adapter.org/CodeSystem/encounter-kind';

/** An element with attributes and children (strings become text: nothing is parsed as HTML). */
export function el(tag, attributes = {}, ...children) {
  const element = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4)) : document.createElement(tag);
  Object.entries(attributes).forEach(([key, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? '' : value);
  });
  children.flat().forEach(child => child !== null && child !== undefined
    && element.append(child instanceof Node ? child : String(child)));
  return element;
}

/** Today as YYYY-MM-DD in the browser's time zone, or that many days from it. */
export function day(offset = 0) {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export function today() {
  return day(0);
}

export function daysBetween(from, to) {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86400000);
}

export function name(patient) {
  const used = (patient.name || [])[0];
  if (!used) return `Client ${patient.id}`;
  return used.text || [...(used.given || []), used.family].filter(Boolean).join(' ');
}

export function identifierText(patient) {
  return (patient.identifier || []).map(identifier => identifier.value).filter(Boolean).slice(0, 2).join(', ');
}

/** The guide's encounter kind of an Encounter (psychiatric-inpatient, crisis-service...), if any. */
export function kindOf(encounter) {
  for (const type of encounter.type || []) {
    const coding = (type.coding || []).find(c => c.system === ENCOUNTER_KIND);
    if (coding) return coding.code;
  }
  return null;
}

/** Whether a record carries the 42 CFR Part 2 label. */
export function part2(resource) {
  return ((resource.meta || {}).security || []).some(label => label.code === '42CFRPart2');
}

/** The text of a CodeableConcept: its text, a display, or a code. */
export function text(concept) {
  if (!concept) return '';
  const coding = (concept.coding || [])[0] || {};
  return concept.text || coding.display || coding.code || '';
}

/** A message for the user from a refusal or any failure. */
export function problem(error) {
  return el('div', {class: 'problem', role: 'alert'}, el('strong', {}, 'Not done: '),
    ...(error.reasons && error.reasons.length ? [el('ul', {}, ...error.reasons.map(r => el('li', {}, r)))]
      : [error.message]));
}
