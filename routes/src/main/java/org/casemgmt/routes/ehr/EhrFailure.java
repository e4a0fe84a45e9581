package org.casemgmt.routes.ehr;

/**
 * Why a request to an EHR, or a poll, gave up: a permanent refusal (4xx other than 401 and 429), a transient failure
 * that outlasted its retries, a reply that is not what FHIR promises. The message names the request and the
 * status, never content, so it can go to logs and health as it is.
 */
class EhrFailure extends Exception {
  EhrFailure(String message) {
    super(message);
  }
}
