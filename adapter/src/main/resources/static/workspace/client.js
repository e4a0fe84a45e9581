// One client's record: timeline, eligibility with its evidence, the ISP, referrals, assessments, the care team,
// and the day's work (a screening or assessment, a contact, a goal's progress, a referral, the ISP's approval).
import {fhir, searchAll} from './smart.js';
import {el, kindOf, name, part2, problem, text, today} from './view.js';
import {timeline} from './timeline.js';
import {questionnaireForm} from './questionnaire.js';

const CM = 'https://fhir.casemgmt-adapter.org/CodeSystem/case-management';
const ISP_APPROVAL = 'https://fhir.casemgmt-adapter.org/StructureDefinition/isp-approval';
const PHQ9_TOTAL = '44261-6';

/** Everything the page shows, read in parallel; a record the user may not see is simply not there. */
async function record(id) {
  const client = await fhir(`Patient/${id}`);
  const of = `patient=Patient/${id}`;
  const [encounters, conditions, coverages, enrollments, determinations, plans, referrals, responses, scores, teams] =
    await Promise.all([
      searchAll(`Encounter?${of}&_revinclude=Provenance:target&_count=1000`),
      searchAll(`Condition?${of}&_revinclude=Provenance:target&_count=1000`),
      searchAll(`Coverage?beneficiary=Patient/${id}&_revinclude=Provenance:target&_count=100`),
      searchAll(`EpisodeOfCare?${of}&_count=100`),
      searchAll(`Observation?${of}&code=${CM}|eligibility-determination&_revinclude=Provenance:target&_count=50`),
      searchAll(`CarePlan?${of}&category=${CM}|isp&_include=CarePlan:goal&_count=50`),
      searchAll(`ServiceRequest?${of}&_revinclude=Task:focus&_count=100`),
      searchAll(`QuestionnaireResponse?${of}&_sort=-authored&_count=100`),
      searchAll(`Observation?${of}&code=http://loinc.org|${PHQ9_TOTAL}&_sort=date&_count=1000`),
      searchAll(`CareTeam?${of}&status=active&_count=20`)]);
  const provenance = [...encounters, ...conditions, ...coverages, ...determinations]
    .filter(r => r.resourceType === 'Provenance');
  const only = (type, list) => list.filter(r => r.resourceType === type);
  return {client, provenance, encounters: only('Encounter', encounters), conditions: only('Condition', conditions),
    coverages: only('Coverage', coverages), enrollments, determinations: only('Observation', determinations),
    plans: only('CarePlan', plans), goals: only('Goal', plans), referrals: only('ServiceRequest', referrals),
    tasks: only('Task', referrals), responses, scores, teams};
}

/** Where a record came from, as its Provenance says: the feed and the message, claim or file. */
export function sourceOf(resource, provenance) {
  const reference = `${resource.resourceType}/${resource.id}`;
  const found = provenance.find(p => (p.target || []).some(t => (t.reference || '').split('/_history')[0] === reference));
  if (!found) return 'entered in the workspace or the API';
  const agent = (found.agent || []).map(a => a.who?.display || a.who?.reference).filter(Boolean)[0];
  const entity = (found.entity || []).map(e => e.what?.display || e.what?.identifier?.value || e.what?.reference)
    .filter(Boolean)[0];
  return [text(found.activity), agent, entity].filter(Boolean).join(' · ') || 'recorded by a feed';
}

function section(id, title, ...content) {
  return el('section', {id, 'aria-labelledby': `${id}-title`}, el('h2', {id: `${id}-title`}, title), ...content);
}

function sensitive(resource) {
  return part2(resource) ? el('span', {class: 'part2', title: '42 CFR Part 2: shown under the client\'s consent'}, 'Part 2') : null;
}

/** The client page. */
export async function showClient(main, id, user) {
  main.replaceChildren(el('p', {role: 'status'}, 'Loading the record…'));
  let data;
  try {
    data = await record(id);
  } catch (refused) {
    main.replaceChildren(el('h1', {}, 'Client not available'), problem(refused),
      el('p', {}, el('a', {href: '#/'}, 'Back to my caseload')));
    return;
  }
  // A re-render replaces every element, the focused one too: focus goes to what the action changed (else the
  // heading), not back to the top of the page, and a confirmation outlives the re-render.
  const refresh = async ({focus, note} = {}) => {
    await showClient(main, id, user);
    const message = main.querySelector('#work-message');
    if (note && message) message.replaceChildren(el('p', {class: 'done', role: 'status'}, note));
    const target = (focus && main.querySelector(focus)) || main.querySelector('h1');
    if (target) { target.tabIndex = -1; target.focus(); }
  };
  const client = data.client;
  const anyPart2 = [...data.encounters, ...data.conditions, ...data.referrals].some(part2);
  main.replaceChildren(...[
    el('p', {}, el('a', {href: '#/'}, '← My caseload')),
    el('h1', {}, name(client)),
    el('p', {class: 'facts'}, `Born ${client.birthDate || 'unknown'} · ${client.gender || 'gender unknown'} · `,
      (client.identifier || []).map(i => i.value).join(', ')),
    anyPart2 ? el('p', {class: 'part2-notice', role: 'note'}, 'Records marked Part 2 are substance-use treatment'
      + ' records shown under the client\'s consent: 42 CFR Part 2 prohibits redisclosing them.') : null,
    section('timeline', 'Timeline', timeline(data, resource => sourceOf(resource, data.provenance))),
    section('eligibility', 'Eligibility', ...eligibility(data)),
    section('isp', 'Individualized Service Plan', ...isp(data, user, refresh)),
    section('referrals', 'Referrals', ...referrals(data)),
    section('assessments', 'Assessments', ...assessments(data)),
    section('team', 'Care team', ...careTeam(data)),
    section('work', 'Record the day\'s work', ...work(data, user, refresh))].filter(Boolean));
}

/** Each program's latest determination, criterion by criterion, with the evidence it names. */
function eligibility(data) {
  if (!data.determinations.length) return [el('p', {}, 'No determination yet.')];
  const latest = new Map();
  data.determinations.forEach(o => {
    const program = (o.method?.coding || [])[0]?.code || '';
    if (!latest.has(program) || (o.effectivePeriod?.start || '') > (latest.get(program).effectivePeriod?.start || '')) {
      latest.set(program, o);
    }
  });
  return [...latest.values()].map(o => el('article', {class: 'determination'},
    el('h3', {}, o.valueCodeableConcept?.text || text(o.valueCodeableConcept)),
    el('table', {}, el('caption', {}, 'Criteria'),
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Criterion'), el('th', {scope: 'col'}, 'Result'),
        el('th', {scope: 'col'}, 'Why'))),
      el('tbody', {}, ...(o.component || []).map(c => el('tr', {},
        el('td', {}, text(c.code)), el('td', {class: `result-${(c.valueCodeableConcept?.coding || [])[0]?.code}`},
          (c.valueCodeableConcept?.coding || [])[0]?.code || ''), el('td', {}, c.valueCodeableConcept?.text || ''))))),
    el('p', {}, 'Evidence: ', ...evidence(o, data)),
    ...(o.note || []).map(n => el('p', {class: 'missing'}, n.text))));
}

function evidence(determination, data) {
  const own = `Observation/${determination.id}`;
  const named = new Set((determination.derivedFrom || []).map(r => r.reference));
  data.provenance.filter(p => (p.target || []).some(t => (t.reference || '').startsWith(own)))
    .forEach(p => (p.entity || []).forEach(e => e.what?.reference && named.add(e.what.reference)));
  if (!named.size) return ['none named'];
  return [el('ul', {class: 'evidence'}, ...[...named].map(reference => el('li', {},
    el('a', {href: `#item-${reference.replace('/', '-')}`}, describe(reference, data)))))];
}

function describe(reference, data) {
  const [type, id] = reference.split('/');
  const found = [...data.encounters, ...data.conditions, ...data.coverages].find(r => r.resourceType === type && r.id === id);
  if (!found) return reference;
  if (type === 'Encounter') return `${kindOf(found) || 'visit'} ${(found.period?.start || '').slice(0, 10)}`;
  if (type === 'Condition') return `${(found.code?.coding || [])[0]?.code || ''} ${text(found.code)}`;
  return `${type} ${(found.period?.start || '').slice(0, 10)}`;
}

function isp(data, user, refresh) {
  if (!data.plans.length) return [el('p', {}, 'No ISP yet.')];
  return data.plans.map(plan => {
    const approval = (plan.extension || []).find(e => e.url === ISP_APPROVAL);
    const approved = approval && (approval.extension || []).find(e => e.url === 'date')?.valueDateTime;
    const goals = (plan.goal || []).map(g => data.goals.find(goal => `Goal/${goal.id}` === g.reference)).filter(Boolean);
    const message = el('div', {'aria-live': 'polite'});
    return el('article', {class: 'isp', 'data-plan': plan.id},
      el('h3', {}, `${plan.title || 'ISP'}: ${plan.status}`),
      el('p', {}, approved ? `Approved by the client on ${approved.slice(0, 10)}` : 'Not yet approved by the client',
        plan.period?.end ? ` · review by ${plan.period.end.slice(0, 10)}` : ''),
      el('ul', {class: 'goals'}, ...goals.map(goal => el('li', {},
        `${text(goal.description)} — ${goal.lifecycleStatus}${goal.achievementStatus ? `, ${text(goal.achievementStatus)}` : ''}`,
        goal.target?.[0]?.dueDate ? ` (due ${goal.target[0].dueDate})` : ''))),
      plan.status === 'draft' ? el('button', {type: 'button', class: 'activate', onclick: async () => {
        message.replaceChildren();
        try {
          await fhir(`CarePlan/${plan.id}`, {method: 'PUT', body: activated(plan, data.client, approval)});
          await refresh({focus: `article.isp[data-plan="${plan.id}"] h3`});
        } catch (refused) {
          message.replaceChildren(problem(refused));
        }
      }}, 'Record the client\'s approval and activate') : null, message);
  });
}

/** The plan approved by the client today (unless it already was) and active. */
function activated(plan, client, approval) {
  const copy = structuredClone(plan);
  if (!approval) {
    copy.extension = [...(copy.extension || []), {url: ISP_APPROVAL, extension: [
      {url: 'approver', valueReference: {reference: `Patient/${client.id}`}},
      {url: 'date', valueDateTime: new Date().toISOString()}]}];
  }
  copy.status = 'active';
  return copy;
}

function referrals(data) {
  if (!data.referrals.length) return [el('p', {}, 'No referrals.')];
  return [el('table', {}, el('caption', {}, 'Referrals and their Tasks'),
    el('thead', {}, el('tr', {}, ...['Referral', 'To', 'Requested', 'Status', 'Task'].map(h => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, ...data.referrals.map(referral => {
      const task = data.tasks.find(t => (t.focus?.reference || '').startsWith(`ServiceRequest/${referral.id}`));
      return el('tr', {}, el('td', {}, text(referral.code), sensitive(referral)),
        el('td', {}, (referral.performer || []).map(p => p.display || p.reference).join(', ')),
        el('td', {}, (referral.authoredOn || '').slice(0, 10)), el('td', {}, referral.status),
        el('td', {}, task ? `${task.status}${task.businessStatus ? ` (${text(task.businessStatus)})` : ''}` : 'none'));
    })))];
}

function assessments(data) {
  const plot = phq9Plot(data.scores);
  return [plot, el('ul', {class: 'responses'}, ...data.responses.map(r => el('li', {},
    `${(r.questionnaire || '').split('/').pop().split('|')[0]} — ${r.status}, ${(r.authored || '').slice(0, 10)}`)))];
}

/** PHQ-9 totals over time as a line: 0 to 27, with the severity bands' edges. */
function phq9Plot(scores) {
  const points = scores.filter(o => (o.valueInteger ?? o.valueQuantity?.value) !== undefined
      && (o.effectiveDateTime || o.issued))
    .map(o => ({day: (o.effectiveDateTime || o.issued).slice(0, 10), value: o.valueInteger ?? o.valueQuantity.value}))
    .sort((a, b) => a.day.localeCompare(b.day));
  if (!points.length) return el('p', {}, 'No PHQ-9 score yet.');
  const width = 520; const height = 180; const pad = 30;
  const first = Date.parse(points[0].day); const last = Math.max(Date.parse(points[points.length - 1].day), first + 86400000);
  const x = d => pad + (Date.parse(d) - first) / (last - first) * (width - 2 * pad);
  const y = v => height - pad - v / 27 * (height - 2 * pad);
  return el('figure', {class: 'phq9'},
    el('svg:svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'phq9-caption'},
      ...[5, 10, 15, 20].map(v => el('svg:line', {x1: pad, x2: width - pad, y1: y(v), y2: y(v), class: 'band'})),
      ...[0, 10, 20, 27].map(v => el('svg:text', {x: 4, y: y(v) + 4, class: 'axis'}, String(v))),
      el('svg:polyline', {points: points.map(p => `${x(p.day)},${y(p.value)}`).join(' '), class: 'line'}),
      ...points.map(p => el('svg:circle', {cx: x(p.day), cy: y(p.value), r: 4, class: 'point'},
        el('svg:title', {}, `${p.day}: ${p.value}`)))),
    el('figcaption', {id: 'phq9-caption'}, 'PHQ-9 total over time: ',
      points.map(p => `${p.day} ${p.value}`).join('; ')));
}

function careTeam(data) {
  const members = data.teams.flatMap(team => (team.participant || []).map(p =>
    `${text((p.role || [])[0])}: ${p.member?.display || p.member?.reference || ''}`));
  return members.length ? [el('ul', {}, ...members.map(m => el('li', {}, m)))] : [el('p', {}, 'No care team yet.')];
}

/** The forms of the day's work; each answers with the workflow's reasons when it refuses. */
function work(data, user, refresh) {
  const client = `Patient/${data.client.id}`;
  const message = el('div', {'aria-live': 'polite', id: 'work-message'});
  const done = async (what, write) => {
    message.replaceChildren();
    try {
      await write();
      const note = `${what} recorded.`;
      message.replaceChildren(el('p', {class: 'done', role: 'status'}, note));
      setTimeout(() => refresh({focus: '#work-message .done', note}), 800);
    } catch (refused) {
      message.replaceChildren(problem(refused));
    }
  };
  const questionnaires = el('select', {id: 'questionnaire'});
  const formArea = el('div', {id: 'questionnaire-form'});
  fhir('Questionnaire?status=active&_count=50&_elements=url,title,name').then(bundle => {
    (bundle.entry || []).forEach(entry => questionnaires.append(el('option', {value: entry.resource.id},
      entry.resource.title || entry.resource.name)));
  }).catch(refused => message.replaceChildren(problem(refused)));
  const contactDay = el('input', {type: 'date', id: 'contact-day', value: today(), required: true});
  const contactNote = el('input', {type: 'text', id: 'contact-note'});
  const goalSelect = el('select', {id: 'goal'}, ...data.goals.map(goal => el('option', {value: goal.id}, text(goal.description))));
  const progress = el('select', {id: 'goal-progress'}, ...['in-progress', 'improving', 'worsening', 'no-change',
    'achieved', 'sustaining', 'not-achieved'].map(code => el('option', {value: code}, code.replace('-', ' '))));
  const referralTo = el('input', {type: 'text', id: 'referral-to', required: true});
  const referralWhy = el('input', {type: 'text', id: 'referral-why', required: true});
  return [
    el('div', {class: 'work'},
      el('h3', {}, 'Screening or assessment'),
      el('label', {for: 'questionnaire'}, 'Form'), questionnaires,
      el('button', {type: 'button', id: 'start-questionnaire', onclick: async () => {
        const questionnaire = await fhir(`Questionnaire/${questionnaires.value}`);
        formArea.replaceChildren(questionnaireForm(questionnaire, async response => done(questionnaire.title || 'Answers',
          () => fhir('QuestionnaireResponse', {method: 'POST', body: {...response, subject: {reference: client},
            author: user.fhirUser ? {reference: user.fhirUser} : undefined, authored: new Date().toISOString()}}))));
      }}, 'Start'), formArea),
    el('form', {class: 'work', id: 'contact-form', onsubmit: event => { event.preventDefault();
      done('Contact', () => fhir('Encounter', {method: 'POST', body: {resourceType: 'Encounter', status: 'finished',
        class: {system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'FLD', display: 'field'},
        subject: {reference: client}, period: {start: `${contactDay.value}T12:00:00Z`},
        participant: user.fhirUser ? [{individual: {reference: user.fhirUser}}] : undefined,
        reasonCode: contactNote.value ? [{text: contactNote.value}] : undefined}}));
    }}, el('h3', {}, 'Contact'), el('label', {for: 'contact-day'}, 'Day'), contactDay,
      el('label', {for: 'contact-note'}, 'About'), contactNote, el('button', {type: 'submit'}, 'Record contact')),
    data.goals.length ? el('form', {class: 'work', id: 'goal-form', onsubmit: event => { event.preventDefault();
      const goal = structuredClone(data.goals.find(g => g.id === goalSelect.value));
      goal.achievementStatus = {coding: [{system: 'http://terminology.hl7.org/CodeSystem/goal-achievement',
        code: progress.value}]};
      done('Goal progress', () => fhir(`Goal/${goal.id}`, {method: 'PUT', body: goal}));
    }}, el('h3', {}, 'Goal progress'), el('label', {for: 'goal'}, 'Goal'), goalSelect,
      el('label', {for: 'goal-progress'}, 'Progress'), progress, el('button', {type: 'submit'}, 'Update goal')) : null,
    el('form', {class: 'work', id: 'referral-form', onsubmit: event => { event.preventDefault();
      done('Referral', () => fhir('ServiceRequest', {method: 'POST', body: {resourceType: 'ServiceRequest',
        status: 'active', intent: 'order', subject: {reference: client}, authoredOn: new Date().toISOString(),
        requester: user.fhirUser ? {reference: user.fhirUser} : undefined,
        code: {text: referralWhy.value}, performer: [{display: referralTo.value}]}}));
    }}, el('h3', {}, 'Referral'), el('label', {for: 'referral-to'}, 'To'), referralTo,
      el('label', {for: 'referral-why'}, 'For'), referralWhy, el('button', {type: 'submit'}, 'Refer')),
    message];
}
