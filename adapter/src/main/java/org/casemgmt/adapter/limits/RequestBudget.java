package org.casemgmt.adapter.limits;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;

/**
 * What one FHIR request may ask for: paging parameters that are numbers in range (a 400, never a 500), transactions
 * and batches of a bounded size, and a fixed number of requests at a time that pull in other resources
 * ({@code _include}, {@code _revinclude}, {@code $everything}, {@code _history} over a type or the server), so a
 * flood of them waits its turn (or is told to retry) instead of filling the heap.
 */
@Interceptor
class RequestBudget {
  private static final String HOLDS_PERMIT = RequestBudget.class.getName() + ".permit";
  private static final List<String> PAGING = List.of("_count", "_offset");

  private final LimitProperties limits;
  private final Semaphore heavy;

  RequestBudget(LimitProperties limits) {
    this.limits = limits;
    this.heavy = new Semaphore(limits.heavyRequests(), true);
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  void admit(RequestDetails request, RestOperationTypeEnum operation) {
    for (String name : PAGING) {
      String[] values = request.getParameters().get(name);
      if (values != null) {
        for (String value : values) {
          checkNumber(name, value);
        }
      }
    }
    if ((operation == RestOperationTypeEnum.TRANSACTION || operation == RestOperationTypeEnum.BATCH)
        && request.getResource() instanceof Bundle bundle) {
      checkBundle(operation, bundle);
    }
    if (isHeavy(request, operation)) {
      try {
        if (!heavy.tryAcquire(limits.heavyRequestWait().toMillis(), TimeUnit.MILLISECONDS)) {
          throw new TooManyRequests("The server is answering as many searches with includes, $everything and"
              + " history as it allows at once (adapter.limits.heavy-requests); retry shortly");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TooManyRequests("Interrupted while waiting for a turn");
      }
      request.getUserData().put(HOLDS_PERMIT, Boolean.TRUE);
    }
  }

  /** On success and on failure alike. */
  @Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
  void done(RequestDetails request) {
    if (request.getUserData().remove(HOLDS_PERMIT) != null) {
      heavy.release();
    }
  }

  private void checkBundle(RestOperationTypeEnum operation, Bundle bundle) {
    if (bundle.getEntry().size() > limits.maxBundleEntries()) {
      throw new PayloadTooLargeException("A " + operation.getCode() + " may hold at most " + limits.maxBundleEntries()
          + " entries (adapter.limits.max-bundle-entries); this one holds " + bundle.getEntry().size());
    }
    long searches = bundle.getEntry().stream()
        .filter(entry -> entry.getRequest().getMethod() == Bundle.HTTPVerb.GET).count();
    if (searches > limits.maxBundleSearches()) {
      throw new PayloadTooLargeException("A " + operation.getCode() + " may hold at most "
          + limits.maxBundleSearches() + " reads and searches (adapter.limits.max-bundle-searches); this one holds "
          + searches);
    }
  }

  private void checkNumber(String name, String value) {
    int number;
    try {
      number = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name + " must be a whole number, not '" + value + "'");
    }
    if (number < 0 || ("_count".equals(name) && number > limits.maxCount())) {
      throw new InvalidRequestException(name + " must be between 0 and "
          + ("_count".equals(name) ? limits.maxCount() : Integer.MAX_VALUE) + ", not " + number);
    }
  }

  private static boolean isHeavy(RequestDetails request, RestOperationTypeEnum operation) {
    Map<String, String[]> parameters = request.getParameters();
    return parameters.containsKey("_include") || parameters.containsKey("_revinclude")
        || parameters.keySet().stream().anyMatch(name -> name.startsWith("_include:")
            || name.startsWith("_revinclude:"))
        || "$everything".equals(request.getOperation())
        || request.getResource() instanceof Bundle bundle && bundle.getEntry().stream()
            .anyMatch(entry -> entry.getRequest().getMethod() == Bundle.HTTPVerb.GET)
        || operation == RestOperationTypeEnum.HISTORY_TYPE || operation == RestOperationTypeEnum.HISTORY_SYSTEM;
  }

  /** 429: come back later. */
  static final class TooManyRequests extends BaseServerResponseException {
    TooManyRequests(String message) {
      super(429, message);
    }
  }
}
