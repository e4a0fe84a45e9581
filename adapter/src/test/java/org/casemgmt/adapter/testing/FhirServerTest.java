package org.casemgmt.adapter.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import org.casemgmt.adapter.AdapterApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port against its own PostgreSQL database. Test classes extending this share one
 * running service (Spring caches the context), so each test works on data it creates with identifiers of its own.
 */
@SpringBootTest(classes = AdapterApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class FhirServerTest {
  private static final String DATABASE_URL = PostgresTestDatabase.create("adapter");

  @LocalServerPort
  protected int port;

  @Autowired
  protected FhirContext fhirContext;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> DATABASE_URL);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> "");
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  protected String fhirBase() {
    return baseUrl() + "/fhir";
  }

  protected IGenericClient fhir() {
    fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    return fhirContext.newRestfulGenericClient(fhirBase());
  }
}
