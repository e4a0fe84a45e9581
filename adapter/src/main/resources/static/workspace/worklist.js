// The caseload worklist: the user's clients ordered by what needs action, each reason with its day. Everything
// comes from a few searches over the caseload (a chunk of clients per request) and FUH's subject list.
import {fhir, searchAll} from './smart.js';
import {day, daysBetween, el, kindOf, name, today, identifierText} from './view.js';

const RECENT_DAYS = 14;
const SOON_DAYS = 30;

/**
 * A reason a client needs action: its urgency, the day it is about, and what to show. Urgency: 1 a psychiatric
 * admission or a follow-up due after discharge (days count); 2 a discharge, crisis or emergency in the last two
 * weeks; 3 overdue work (Tasks, ISP reviews); 4 work due soon, coverage ending, a referral waiting on a partner, a
 * new eligibility; 5 a determination expiring.
 */
function reason(kind, urgency, when, text) {
  return {kind, urgency, when, text};
}

/** The caseload's clients with their reasons, most urgent first. */
export async function worklist(practitioner) {
  const group = `caseload-${practitioner.split('/')[1]}`;
  const ids = await caseload(group);
  if (!ids.length) return [];
  // One search per kind of record, joined on the caseload Group in the server's SQL, however long the caseload,
  // each asking only for the elements the worklist reads (a determination's evidence is most of its size).
  const ofCaseload = `patient:Patient._has:Group:member:_id=${group}&_count=1000&_elements`;
  const since = day(-RECENT_DAYS);
  const determinationsOf = `Observation?${ofCaseload}=subject,method,value,effective`
    + '&code=https://fhir.casemgmt-adapter.org/CodeSystem/case-management|eligibility-determination';
  const [clients, encounters, tasks, recent, ending, coverages, plans, enrollments, followUps] = await Promise.all([
    searchAll(`Patient?_has:Group:member:_id=${group}&_count=1000&_elements=name,identifier`),
    searchAll(`Encounter?${ofCaseload}=status,type,subject,period&date=ge${since}`),
    searchAll(`Task?${ofCaseload}=status,code,description,for,authoredOn,restriction`
      + '&status=requested,received,accepted,ready,in-progress,on-hold'),
    // Only the determinations the worklist speaks of: made in the last two weeks, or ending within 30 days.
    searchAll(`${determinationsOf}&date=sa${day(-RECENT_DAYS - 1)}`),
    searchAll(`${determinationsOf}&date=ge${today()}&date=eb${day(SOON_DAYS + 1)}`),
    searchAll(`Coverage?${ofCaseload}=status,beneficiary,period`),
    searchAll(`CarePlan?${ofCaseload}=subject,period&status=active`),
    searchAll(`EpisodeOfCare?${ofCaseload}=patient,type&status=active`),
    followUpsDue(practitioner)]);
  const determinations = [...new Map([...recent, ...ending].map(o => [o.id, o])).values()];
  const enrolled = new Set(enrollments.flatMap(episode => programsOf(episode)
    .map(program => `${episode.patient?.reference} ${program}`)));
  const reasons = new Map(ids.map(id => [id, []]));
  const add = (client, item) => reasons.has(client) && reasons.get(client).push(item);
  encounters.forEach(encounter => encounterReasons(encounter).forEach(item => add(subjectOf(encounter), item)));
  tasks.forEach(task => taskReason(task).forEach(item => add(task.for && task.for.reference, item)));
  determinations.filter(o => !enrolled.has(`${o.subject?.reference} ${programOf(o)}`))
    .forEach(o => determinationReason(o).forEach(item => add(o.subject && o.subject.reference, item)));
  coverages.forEach(c => coverageReason(c).forEach(item => add(c.beneficiary && c.beneficiary.reference, item)));
  plans.forEach(plan => planReason(plan).forEach(item => add(plan.subject && plan.subject.reference, item)));
  followUps.forEach(due => add(due.client, reason('follow-up', 1, due.until, due.text)));
  return clients.map(client => {
    const items = newlyEligibleAsOne(reasons.get(`Patient/${client.id}`) || []).sort(byUrgency);
    return {client, reasons: items, urgency: items.length ? items[0].urgency : 9, when: items.length ? items[0].when : ''};
  }).sort((a, b) => a.urgency - b.urgency || (a.when || '9').localeCompare(b.when || '9')
    || name(a.client).localeCompare(name(b.client)));
}

/** The caseload the service keeps for the practitioner (Group/caseload-<id>): its members; none before a first. */
async function caseload(id) {
  try {
    const group = await fhir(`Group/${id}`);
    return (group.member || []).filter(member => !member.inactive).map(member => member.entity.reference);
  } catch (refused) {
    if (refused.status === 404) return [];
    throw refused;
  }
}

function byUrgency(a, b) {
  return a.urgency - b.urgency || (a.when || '').localeCompare(b.when || '');
}

function subjectOf(encounter) {
  return encounter.subject && encounter.subject.reference;
}

/** A psychiatric stay that began or ended lately, a crisis or emergency visit lately. */
function encounterReasons(encounter) {
  const kind = kindOf(encounter);
  const start = (encounter.period || {}).start;
  const end = (encounter.period || {}).end;
  if (['cancelled', 'entered-in-error', 'planned'].includes(encounter.status) || !kind || !start) return [];
  if (kind === 'psychiatric-inpatient' || kind === 'state-psychiatric-hospital') {
    const stay = kind === 'state-psychiatric-hospital' ? 'state hospital' : 'psychiatric hospital';
    return end ? [reason('discharge', 2, end.slice(0, 10), `Discharged from a ${stay} on ${end.slice(0, 10)}`)]
      : [reason('admission', 1, start.slice(0, 10), `Admitted to a ${stay} on ${start.slice(0, 10)}`)];
  }
  return [reason('crisis', 2, start.slice(0, 10), `${kind === 'crisis-service' ? 'Crisis service' : 'Psychiatric emergency visit'} on ${start.slice(0, 10)}`)];
}

function taskReason(task) {
  const due = ((task.restriction || {}).period || {}).end;
  const what = (task.code && (task.code.text || (task.code.coding || [])[0]?.display)) || task.description || 'Task';
  if (due && due.slice(0, 10) < today()) return [reason('overdue', 3, due.slice(0, 10), `${what}: overdue since ${due.slice(0, 10)}`)];
  if (due && daysBetween(today(), due.slice(0, 10)) <= 7) return [reason('due', 4, due.slice(0, 10), `${what}: due ${due.slice(0, 10)}`)];
  const fulfil = (task.code?.coding || []).some(c => c.code === 'fulfill');
  if (fulfil && task.authoredOn && daysBetween(task.authoredOn.slice(0, 10), today()) > 7) {
    return [reason('referral', 4, task.authoredOn.slice(0, 10), `Referral waiting on a partner since ${task.authoredOn.slice(0, 10)} (${task.status})`)];
  }
  return [];
}

/** The program a determination is for (its method), as the code an enrollment's type carries. */
function programOf(observation) {
  return (observation.method?.coding || [])[0]?.code;
}

function programsOf(episode) {
  return (episode.type || []).flatMap(type => type.coding || [])
    .filter(coding => coding.system === 'https://fhir.casemgmt-adapter.org/CodeSystem/program').map(c => c.code);
}

/** One line for a client newly eligible under several programs (a run evaluates each), not one per program. */
function newlyEligibleAsOne(items) {
  const eligible = items.filter(item => item.kind === 'eligible');
  if (eligible.length < 2) return items;
  const first = eligible.map(item => item.when).sort()[0];
  return [...items.filter(item => item.kind !== 'eligible'), reason('eligible', 4, first,
    `Newly eligible (${first}) for ${eligible.map(item => item.program).join('; ')}`)];
}

function determinationReason(observation) {
  const outcome = (observation.valueCodeableConcept?.coding || [])[0]?.code;
  const program = (observation.method?.coding || [])[0]?.display || 'a program';
  const period = observation.effectivePeriod || {};
  const end = (period.end || '').slice(0, 10);
  const start = (period.start || '').slice(0, 10);
  if (outcome === 'eligible' && start && daysBetween(start, today()) <= RECENT_DAYS) {
    return [{...reason('eligible', 4, start, `Newly eligible for ${program} (${start})`), program}];
  }
  if (end && end >= today() && daysBetween(today(), end) <= SOON_DAYS) {
    return [reason('expiring', 5, end, `Determination for ${program} expires ${end}`)];
  }
  return [];
}

function coverageReason(coverage) {
  const end = ((coverage.period || {}).end || '').slice(0, 10);
  return end && end >= today() && daysBetween(today(), end) <= SOON_DAYS && coverage.status === 'active'
    ? [reason('coverage', 4, end, `Coverage ends ${end}`)] : [];
}

function planReason(plan) {
  const end = ((plan.period || {}).end || '').slice(0, 10);
  if (!end) return [];
  if (end < today()) return [reason('isp-review', 3, end, `ISP review overdue since ${end}`)];
  return daysBetween(today(), end) <= SOON_DAYS ? [reason('isp-review', 4, end, `ISP review due ${end}`)] : [];
}

/** FUH's follow-up-due subject list for the caseload: discharges still waiting for a follow-up, days left. */
async function followUpsDue(practitioner) {
  try {
    const report = await fhir(`Measure/fuh/$evaluate-measure?periodStart=${day(-60)}&periodEnd=${today()}`
      + `&reportType=subject-list&practitioner=${encodeURIComponent(practitioner)}`);
    const lists = new Map((report.contained || []).map(list => [`#${list.id}`, list]));
    const group = (report.group || []).find(g => g.id === '30-day') || (report.group || [])[0];
    const due = (group?.population || []).find(p => (p.code?.coding || [])[0]?.code === 'follow-up-due');
    const list = due && lists.get(due.subjectResults?.reference);
    return (list?.entry || []).map(entry => {
      const text = entry.flag?.text || 'Follow-up due';
      const until = (text.match(/until (\d{4}-\d{2}-\d{2})/) || [])[1] || '';
      const left = (text.match(/(\d+) day\(s\) left/) || [])[1];
      return {client: entry.item.reference, until, text: `Follow-up after discharge: ${left ?? '?'} day(s) left, until ${until}`};
    });
  } catch (refused) {
    return [];
  }
}

/** The worklist page. */
export async function showWorklist(main, practitioner) {
  main.replaceChildren(el('h1', {}, 'My caseload'), el('p', {role: 'status'}, 'Loading your clients…'));
  const rows = await worklist(practitioner);
  const filter = el('input', {type: 'search', id: 'worklist-filter', placeholder: 'Name or identifier'});
  const kinds = ['admission', 'follow-up', 'discharge', 'crisis', 'overdue', 'isp-review', 'due', 'referral', 'eligible', 'coverage', 'expiring'];
  const only = el('select', {id: 'worklist-kind'}, el('option', {value: ''}, 'Every reason'),
    ...kinds.map(kind => el('option', {value: kind}, kind.replace('-', ' '))));
  const body = el('tbody');
  const render = () => {
    const text = filter.value.trim().toLowerCase();
    body.replaceChildren(...rows.filter(row => (!text || `${name(row.client)} ${identifierText(row.client)}`.toLowerCase().includes(text))
      && (!only.value || row.reasons.some(item => item.kind === only.value))).map(row => el('tr', {'data-client': row.client.id},
      el('td', {}, el('a', {href: `#/client/${row.client.id}`}, name(row.client))),
      el('td', {}, identifierText(row.client)),
      el('td', {}, row.reasons.length ? el('ul', {class: 'reasons'}, ...row.reasons.map(item =>
        el('li', {class: `reason urgency-${item.urgency}`, 'data-kind': item.kind}, item.text))) : 'Nothing due'))));
  };
  filter.addEventListener('input', render);
  only.addEventListener('change', render);
  render();
  main.replaceChildren(el('h1', {}, 'My caseload'),
    el('div', {class: 'filters'}, el('label', {for: 'worklist-filter'}, 'Search'), filter,
      el('label', {for: 'worklist-kind'}, 'Show'), only),
    el('p', {class: 'count'}, `${rows.length} clients, ${rows.filter(r => r.reasons.length).length} need action`),
    el('table', {class: 'worklist'}, el('caption', {}, 'Clients by what needs action first'),
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Client'), el('th', {scope: 'col'}, 'Identifier'),
        el('th', {scope: 'col'}, 'Needs action'))), body));
}
