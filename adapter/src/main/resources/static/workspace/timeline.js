// The client's story on one axis: stays, emergencies and crises, diagnoses, coverage and enrollments from every
// source, drawn as an SVG chart and listed in a table below it (the same items, for keyboards and screen readers),
// each with the source its Provenance names.
import {el, kindOf, part2, text, today} from './view.js';

const ROWS = [
  ['stays', 'Hospital stays'], ['crises', 'Emergency and crisis'], ['contacts', 'Contacts and visits'],
  ['diagnoses', 'Diagnoses'], ['coverage', 'Coverage'], ['enrollments', 'Program enrollments']];

/** The items of the record, each with its row, span and label. */
function items(data, source) {
  const list = [];
  const add = (row, resource, start, end, label) => start && list.push({row, resource, start: start.slice(0, 10),
    end: end ? end.slice(0, 10) : null, label, source: source(resource), part2: part2(resource)});
  data.encounters.forEach(e => {
    const kind = kindOf(e);
    const row = kind === 'psychiatric-inpatient' || kind === 'state-psychiatric-hospital' ? 'stays'
      : kind ? 'crises' : 'contacts';
    add(row, e, e.period?.start, row === 'stays' ? (e.period?.end || today()) : null,
      kind ? kind.replace(/-/g, ' ') : `${e.class?.display || e.class?.code || 'visit'} contact`);
  });
  // A diagnosis without onset or recorded date is placed on the day it was stored.
  data.conditions.forEach(c => add('diagnoses', c, c.onsetDateTime || c.recordedDate || c.meta?.lastUpdated, null,
    [(c.code?.coding || [])[0]?.code, text(c.code)].filter((part, i, all) => part && all.indexOf(part) === i).join(' ')));
  data.coverages.forEach(c => add('coverage', c, c.period?.start, c.period?.end || today(),
    text((c.type || {})) || 'coverage'));
  data.enrollments.forEach(e => add('enrollments', e, e.period?.start, e.period?.end || today(),
    `${text((e.type || [])[0])} (${e.status})`));
  return list.sort((a, b) => a.start.localeCompare(b.start));
}

export function timeline(data, source) {
  const all = items(data, source);
  if (!all.length) return el('p', {}, 'Nothing recorded yet.');
  const width = 900; const rowHeight = 34; const left = 170; const right = 20;
  const first = Math.min(...all.map(i => Date.parse(i.start)), Date.parse(today()) - 365 * 86400000);
  const last = Date.parse(today()) + 7 * 86400000;
  const x = d => left + (Date.parse(d) - first) / (last - first) * (width - left - right);
  const rows = ROWS.filter(([key]) => all.some(i => i.row === key));
  const height = rows.length * rowHeight + 30;
  const years = [];
  for (let year = new Date(first).getFullYear() + 1; year <= new Date(last).getFullYear(); year++) years.push(year);
  const chart = el('svg:svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'timeline-caption',
      class: 'timeline-chart'},
    ...years.map(year => [el('svg:line', {x1: x(`${year}-01-01`), x2: x(`${year}-01-01`), y1: 0, y2: height - 20,
      class: 'year'}), el('svg:text', {x: x(`${year}-01-01`) + 3, y: height - 6, class: 'axis'}, String(year))]).flat(),
    ...rows.map(([key, label], index) => {
      const y = index * rowHeight + 6;
      return [el('svg:text', {x: 4, y: y + 17, class: 'row-label'}, label),
        ...all.filter(i => i.row === key).map(i => {
          const tip = el('svg:title', {}, `${i.start}${i.end ? ` to ${i.end}` : ''}: ${i.label} (${i.source})`);
          return i.end
            ? el('svg:rect', {x: x(i.start), y, width: Math.max(4, x(i.end) - x(i.start)), height: 22,
              class: `item ${key}${i.part2 ? ' part2' : ''}`}, tip)
            : el('svg:circle', {cx: x(i.start), cy: y + 11, r: 6, class: `item ${key}${i.part2 ? ' part2' : ''}`}, tip);
        })];
    }).flat());
  return el('div', {class: 'timeline'},
    el('figure', {}, chart, el('figcaption', {id: 'timeline-caption'},
      `${all.length} items from ${all[0].start} to today, by kind; the table below lists each with its source.`)),
    el('table', {class: 'timeline-items'}, el('caption', {}, 'Timeline items'),
      el('thead', {}, el('tr', {}, ...['From', 'To', 'Kind', 'What', 'Source'].map(h => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, ...all.map(i => el('tr', {id: `item-${i.resource.resourceType}-${i.resource.id}`, tabindex: '-1'},
        el('td', {}, i.start), el('td', {}, i.end || ''), el('td', {}, ROWS.find(([key]) => key === i.row)[1]),
        el('td', {}, i.label, i.part2 ? el('span', {class: 'part2'}, 'Part 2') : null), el('td', {}, i.source))))));
}
