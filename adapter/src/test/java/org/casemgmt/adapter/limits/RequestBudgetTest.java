package org.casemgmt.adapter.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests that pull in other resources take turns: beyond the budget they wait, then are told to retry (429). */
class RequestBudgetTest {
  private final RequestBudget budget = new RequestBudget(
      new LimitProperties(16_777_216, 5000, 100, 10_000, 1, Duration.ofMillis(200)));

  @Test
  void aHeavyRequestBeyondTheBudgetIsToldToRetryAndTheNextOneGetsTheFreedTurn() {
    SystemRequestDetails first = search(Map.of("_revinclude", new String[] {"*"}));
    budget.admit(first, RestOperationTypeEnum.SEARCH_TYPE);

    SystemRequestDetails second = search(Map.of("_include", new String[] {"Observation:subject"}));
    assertThatThrownBy(() -> budget.admit(second, RestOperationTypeEnum.SEARCH_TYPE))
        .isInstanceOfSatisfying(BaseServerResponseException.class,
            refused -> assertThat(refused.getStatusCode()).isEqualTo(429));
    budget.done(second); // a refused request holds no turn to give back

    budget.done(first);
    budget.admit(search(Map.of("_revinclude", new String[] {"*"})), RestOperationTypeEnum.SEARCH_TYPE);
    // still one turn, not two: the refused request gave back nothing
    assertThatThrownBy(() -> budget.admit(search(Map.of("_revinclude", new String[] {"*"})),
        RestOperationTypeEnum.HISTORY_TYPE)).isInstanceOf(BaseServerResponseException.class);
  }

  @Test
  void plainSearchesAndReadsDoNotWaitForATurn() {
    budget.admit(search(Map.of("_revinclude", new String[] {"*"})), RestOperationTypeEnum.SEARCH_TYPE);
    for (int i = 0; i < 5; i++) {
      budget.admit(search(Map.of("identifier", new String[] {"x|" + i})), RestOperationTypeEnum.SEARCH_TYPE);
    }
  }

  private static SystemRequestDetails search(Map<String, String[]> parameters) {
    SystemRequestDetails request = new SystemRequestDetails();
    request.setParameters(parameters);
    return request;
  }
}
