#!/bin/sh
# Cross-checks the guide with the official HL7 validator (../shared/tools/hl7-validator; run its setup.sh once):
# every valid example, questionnaire and conformance resource, with the built package loaded.
# US Core and the terminology package cannot be loaded here, so the code systems the guide names from them (US Core
# careplan-category and us-core-category, ICD-10-CM, SOPT) are given as fragments holding just the codes used, and
# the SDC calculatedExpression extension as a stand-in definition.
# Usage (after ./mvnw -pl fhir-profiles package): fhir-profiles/hl7-validate.sh  -> exit 0 when there are no errors.
cd "$(dirname "$0")" || exit 2
VALIDATOR=${HL7_VALIDATOR:-../../shared/tools/hl7-validator/validate.sh}
exec "$VALIDATOR" src/main/fhir/package/[A-Z]*.json src/main/fhir/package/example/*.json \
  -ig target/classes/fhir/casemgmt-ig.tgz -ig src/test/hl7-validator/offline-fragments
