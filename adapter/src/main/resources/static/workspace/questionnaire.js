// Any Questionnaire of the guide as a form, and its answers as a QuestionnaireResponse: groups as fieldsets,
// choices as radio buttons (check boxes when the item repeats), enableWhen honoured while the form is filled. The
// server scores and checks the response; its reasons are shown when it refuses.
import {fhir} from './smart.js';
import {el} from './view.js';

let counter = 0;

/** The form; {@code submit} receives the QuestionnaireResponse. */
export function questionnaireForm(questionnaire, submit) {
  const fields = [];
  const form = el('form', {class: 'questionnaire', 'data-questionnaire': questionnaire.id},
    el('h4', {}, questionnaire.title || questionnaire.name),
    ...(questionnaire.item || []).map(item => render(item, fields)),
    el('button', {type: 'submit'}, 'Save answers'));
  const update = () => fields.forEach(field => {
    const enabled = isEnabled(field.item, fields);
    field.container.hidden = !enabled;
    field.inputs.forEach(input => { input.disabled = !enabled; });
  });
  form.addEventListener('change', update);
  update();
  form.addEventListener('submit', event => {
    event.preventDefault();
    submit({resourceType: 'QuestionnaireResponse', status: 'completed',
      questionnaire: questionnaire.url + (questionnaire.version ? `|${questionnaire.version}` : ''),
      item: answered(questionnaire.item || [], fields)});
  });
  return form;
}

function render(item, fields) {
  if (item.type === 'group') {
    const container = el('fieldset', {class: 'group'}, el('legend', {}, item.text || ''),
      ...(item.item || []).map(child => render(child, fields)));
    fields.push({item, container, inputs: [], value: () => null});
    return container;
  }
  if (item.type === 'display') {
    const container = el('p', {class: 'display'}, item.text || '');
    fields.push({item, container, inputs: [], value: () => null});
    return container;
  }
  if (item.readOnly) {
    // A calculated item (the PHQ-9 total): the server works it out from the answers, nobody types it.
    const container = el('p', {class: 'item read-only', 'data-link-id': item.linkId},
      el('strong', {}, item.text || item.linkId), ': worked out when the answers are saved');
    fields.push({item, container, inputs: [], value: () => []});
    return container;
  }
  const id = `q-${++counter}`;
  const required = item.required ? {required: true} : {};
  let inputs;
  let value;
  let container;
  if (item.type === 'choice' || item.type === 'open-choice' || item.type === 'boolean') {
    const options = item.type === 'boolean'
      ? [{valueBoolean: true, label: 'Yes'}, {valueBoolean: false, label: 'No'}]
      : (item.answerOption || []).map(option => ({...option, label: option.valueCoding?.display
        || option.valueCoding?.code || option.valueString || String(option.valueInteger ?? '')}));
    const kind = item.repeats ? 'checkbox' : 'radio';
    inputs = [];
    const list = el('div', {class: 'options'});
    const fill = opts => opts.forEach((option, index) => {
      const input = el('input', {type: kind, name: id, id: `${id}-${index}`, value: String(index),
        ...(kind === 'radio' ? required : {})});
      input.option = option;
      inputs.push(input);
      list.append(el('label', {for: `${id}-${index}`, class: 'option'}, input, ` ${option.label}`));
    });
    fill(options);
    if (item.answerValueSet && !options.length) {
      fhir(`ValueSet/$expand?url=${encodeURIComponent(item.answerValueSet)}`).then(expansion =>
        fill(((expansion.expansion || {}).contains || []).map(c => ({valueCoding: {system: c.system, code: c.code,
          display: c.display}, label: c.display || c.code})))).catch(() => list.append('(choices unavailable)'));
    }
    value = () => inputs.filter(input => input.checked).map(input => answer(input.option));
    container = el('fieldset', {class: 'item', 'data-link-id': item.linkId},
      el('legend', {}, item.text || item.linkId, item.required ? ' *' : ''), list);
  } else {
    const type = {integer: 'number', decimal: 'number', date: 'date', dateTime: 'datetime-local'}[item.type] || 'text';
    const input = item.type === 'text' ? el('textarea', {id, ...required})
      : el('input', {id, type, ...(item.type === 'decimal' ? {step: 'any'} : {}), ...required});
    inputs = [input];
    value = () => input.value === '' ? [] : [typed(item.type, input.value)];
    container = el('div', {class: 'item', 'data-link-id': item.linkId},
      el('label', {for: id}, item.text || item.linkId, item.required ? ' *' : ''), input);
  }
  fields.push({item, container, inputs, value});
  return container;
}

function answer(option) {
  if ('valueBoolean' in option) return {valueBoolean: option.valueBoolean};
  if (option.valueCoding) return {valueCoding: option.valueCoding};
  if (option.valueString !== undefined) return {valueString: option.valueString};
  if (option.valueInteger !== undefined) return {valueInteger: option.valueInteger};
  return {valueString: option.label};
}

function typed(type, text) {
  switch (type) {
    case 'integer': return {valueInteger: parseInt(text, 10)};
    case 'decimal': return {valueDecimal: parseFloat(text)};
    case 'date': return {valueDate: text};
    case 'dateTime': return {valueDateTime: new Date(text).toISOString()};
    default: return {valueString: text};
  }
}

/** Whether an item's enableWhen conditions hold for the answers so far (no conditions: enabled). */
function isEnabled(item, fields) {
  const conditions = item.enableWhen || [];
  if (!conditions.length) return true;
  const results = conditions.map(condition => {
    const field = fields.find(f => f.item.linkId === condition.question);
    const answers = field && !field.container.hidden ? field.value() : [];
    if (condition.operator === 'exists') return (answers.length > 0) === condition.answerBoolean;
    const expected = Object.entries(condition).find(([key]) => key.startsWith('answer'))?.[1];
    const matches = answers.some(a => same(Object.values(a)[0], expected));
    return condition.operator === '!=' ? !matches : matches;
  });
  return item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
}

function same(actual, expected) {
  if (actual && typeof actual === 'object') return actual.code === expected?.code && (!expected.system || actual.system === expected.system);
  return actual === expected;
}

function answered(items, fields) {
  return items.map(item => {
    const field = fields.find(f => f.item === item);
    if (!field || field.container.hidden) return null;
    if (item.type === 'group') {
      const children = answered(item.item || [], fields);
      return children.length ? {linkId: item.linkId, text: item.text, item: children} : null;
    }
    if (item.type === 'display') return null;
    const answers = field.value();
    return answers.length ? {linkId: item.linkId, text: item.text, answer: answers} : null;
  }).filter(Boolean);
}
