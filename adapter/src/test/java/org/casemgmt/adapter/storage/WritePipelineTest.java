package org.casemgmt.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.interceptor.api.IBaseInterceptorBroadcaster.IInvoker;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.interceptor.executor.BaseInterceptorService;
import ca.uhn.fhir.jpa.subscription.submit.interceptor.SubscriptionMatcherInterceptor;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import java.util.stream.Stream;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The running server calls the adapter's write steps in the order {@link WritePipeline} lists them. */
class WritePipelineTest extends FhirServerTest {
  private static final List<String> BEFORE_STORAGE =
      List.of("FhirAccessControl", "Part2Labels", "WorkflowHooks", "ProfileEnforcement");
  private static final List<String> BEFORE_COMMIT =
      List.of("SubscribedTypes", "FhirAccessControl", "WorkflowHooks", "Caseloads", "ProgramGroups", "IspChanges",
          "EvidenceCommits");

  @Autowired
  IInterceptorService storage;
  @Autowired
  RestfulServer fhirServer;
  @Autowired
  List<WritePipeline.Step> steps;

  static Stream<Arguments> pointcuts() {
    return Stream.of(
        Arguments.of(Pointcut.STORAGE_TRANSACTION_PROCESSING, List.of("ProfileEnforcement")),
        Arguments.of(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, BEFORE_STORAGE),
        Arguments.of(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, BEFORE_STORAGE),
        Arguments.of(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED, List.of("FhirAccessControl")),
        Arguments.of(Pointcut.STORAGE_PRESTORAGE_DELETE_CONFLICTS, List.of("AuditNamesNotPins")),
        Arguments.of(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED, BEFORE_COMMIT),
        Arguments.of(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED, BEFORE_COMMIT),
        Arguments.of(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED,
            List.of("SubscribedTypes", "Caseloads", "ProgramGroups", "EvidenceCommits")),
        Arguments.of(Pointcut.SUBSCRIPTION_RESOURCE_MODIFIED, List.of()));
  }

  /** Storage's hooks and the API request's are merged by order as HAPI merges them for an API write. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("pointcuts")
  void theAdaptersStepsRunInTheListedOrder(Pointcut pointcut, List<String> expected) {
    List<IInvoker> invokers = BaseInterceptorService.union(List.of(storage.getInvokersForPointcut(pointcut),
        fhirServer.getInterceptorService().getInvokersForPointcut(pointcut)));

    assertThat(invokers.stream().map(IInvoker::getInterceptor)
        .filter(interceptor -> interceptor.getClass().getName().startsWith("org.casemgmt."))
        .map(interceptor -> interceptor.getClass().getSimpleName()).toList())
        .isEqualTo(expected);
  }

  @Test
  void everyStepIsRegisteredWithStorageOnce() {
    assertThat(steps).extracting(step -> step.getClass().getSimpleName()).containsExactlyInAnyOrder(
        "AuditNamesNotPins", "Caseloads", "EvidenceCommits", "IspChanges", "Part2Labels", "ProfileEnforcement",
        "ProgramGroups", "WorkflowHooks");
    for (WritePipeline.Step step : steps) {
      assertThat(storage.getAllRegisteredInterceptors()).filteredOn(registered -> registered == step).hasSize(1);
    }
  }

  @Test
  void theSubscriptionMatcherHapiRegistersIsTheOneThatNotesOnlySubscribedTypes() {
    assertThat(storage.getAllRegisteredInterceptors()).filteredOn(SubscriptionMatcherInterceptor.class::isInstance)
        .extracting(matcher -> matcher.getClass().getSimpleName()).containsExactly("SubscribedTypes");
  }
}
