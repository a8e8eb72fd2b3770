#!/usr/bin/env node
// Validates sciatica's FHIR output offline: FHIR.js (the npm `fhir` package,
// R4) for structure, then the checks it lacks, against the Questionnaire.
//
//   node validate.js QUESTIONNAIRE.json [RESOURCES.jsonl]
//
// QUESTIONNAIRE.json is `sciatica questions --format fhir`; each line of
// RESOURCES.jsonl (or standard input) a Bundle or OperationOutcome. Prints
// one line per problem and exits 1 when there is any; 0 and "ok N" otherwise.
'use strict';

const fs = require('fs');
const { Fhir } = require('fhir');

const fhir = new Fhir();
const problems = [];

function structure(resource, where) {
  const result = fhir.validate(resource, { errorOnUnexpected: true });
  for (const message of result.messages) {
    if (message.severity === 'error' || !result.valid) {
      problems.push(`${where}: ${message.location}: ${message.message}`);
    }
  }
}

// What each Questionnaire item type allows as an answer's value[x].
const valueOf = {
  boolean: 'valueBoolean',
  integer: 'valueInteger',
  decimal: 'valueDecimal',
  choice: 'valueCoding',
};

function checkQuestionnaire(questionnaire) {
  structure(questionnaire, 'Questionnaire');
  const items = new Map();
  for (const item of questionnaire.item || []) {
    items.set(item.linkId, item);
  }
  for (const item of questionnaire.item || []) {
    for (const condition of item.enableWhen || []) {
      if (!items.has(condition.question)) {
        problems.push(`Questionnaire: item ${item.linkId}: enableWhen names ${condition.question}, not an item`);
      }
    }
    if ((item.enableWhen || []).length > 1 && !item.enableBehavior) {
      problems.push(`Questionnaire: item ${item.linkId}: several enableWhen without enableBehavior`);
    }
  }
  return items;
}

function checkResponse(response, questionnaire, items, where) {
  const canonical = `${questionnaire.url}|${questionnaire.version}`;
  if (response.questionnaire !== canonical) {
    problems.push(`${where}: questionnaire is ${response.questionnaire}, not ${canonical}`);
  }
  for (const answered of response.item || []) {
    const item = items.get(answered.linkId);
    if (!item) {
      problems.push(`${where}: linkId ${answered.linkId} is not an item of the Questionnaire`);
      continue;
    }
    for (const answer of answered.answer || []) {
      const keys = Object.keys(answer).filter((key) => key.startsWith('value'));
      if (keys.length !== 1 || keys[0] !== valueOf[item.type]) {
        problems.push(`${where}: ${answered.linkId} (${item.type}) answered with ${keys.join(', ')}`);
        continue;
      }
      if (item.type === 'integer' && !Number.isInteger(answer.valueInteger)) {
        problems.push(`${where}: ${answered.linkId}: ${answer.valueInteger} is not an integer`);
      }
      if (item.type === 'choice') {
        const codes = (item.answerOption || []).map((option) => option.valueCoding.code);
        if (!codes.includes(answer.valueCoding.code)) {
          problems.push(`${where}: ${answered.linkId}: ${answer.valueCoding.code} is not an answerOption`);
        }
      }
    }
  }
}

function checkRisk(risk, responseUrl, where) {
  const basis = (risk.basis || []).map((reference) => reference.reference);
  if (!basis.includes(responseUrl)) {
    problems.push(`${where}: basis ${JSON.stringify(basis)} does not point at the response`);
  }
  for (const [i, prediction] of (risk.prediction || []).entries()) {
    const p = prediction.probabilityDecimal;
    if (p !== undefined && !(p >= 0 && p <= 1)) {
      problems.push(`${where}: prediction ${i}: probability ${p} is out of 0..1`);
    }
    if (prediction.probabilityRange !== undefined) {
      problems.push(`${where}: prediction ${i}: a probability range the rule set does not have`);
    }
  }
}

function checkLine(resource, questionnaire, items, where) {
  structure(resource, where);
  if (resource.resourceType === 'OperationOutcome') {
    return;
  }
  if (resource.resourceType !== 'Bundle') {
    problems.push(`${where}: a ${resource.resourceType}, not a Bundle`);
    return;
  }
  const entries = resource.entry || [];
  const response = entries.find((entry) => entry.resource.resourceType === 'QuestionnaireResponse');
  const risk = entries.find((entry) => entry.resource.resourceType === 'RiskAssessment');
  if (!response || !risk) {
    problems.push(`${where}: the Bundle lacks a QuestionnaireResponse or a RiskAssessment`);
    return;
  }
  checkResponse(response.resource, questionnaire, items, `${where} QuestionnaireResponse`);
  checkRisk(risk.resource, response.fullUrl, `${where} RiskAssessment`);
}

function main() {
  const [questionnairePath, resourcesPath] = process.argv.slice(2);
  if (!questionnairePath) {
    process.stderr.write('usage: validate.js QUESTIONNAIRE.json [RESOURCES.jsonl]\n');
    process.exit(64);
  }
  const questionnaire = JSON.parse(fs.readFileSync(questionnairePath, 'utf8'));
  const items = checkQuestionnaire(questionnaire);
  const text = fs.readFileSync(resourcesPath || 0, 'utf8');
  let count = 0;
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') {
      return;
    }
    count += 1;
    checkLine(JSON.parse(line), questionnaire, items, `line ${index + 1}`);
  });
  for (const problem of problems) {
    process.stdout.write(`${problem}\n`);
  }
  if (problems.length === 0) {
    process.stdout.write(`ok ${count}\n`);
  }
  process.exit(problems.length === 0 ? 0 : 1);
}

main();
