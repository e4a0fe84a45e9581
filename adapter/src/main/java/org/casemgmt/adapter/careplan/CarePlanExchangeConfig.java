package org.casemgmt.adapter.careplan;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.apache.camel.ProducerTemplate;
import org.casemgmt.routes.careplan.CarePlanExchangeProperties;
import org.casemgmt.adapter.security.ReachableClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Care plans out to EHRs: the ISP watcher is a step of the write pipeline ({@code storage.WritePipeline}), so it sees
 * every committed plan whichever API client or feed wrote it.
 */
@Configuration
class CarePlanExchangeConfig {

  @Bean
  IspChanges ispChanges(CarePlanOutboxStore outbox, CarePlanExchangeProperties properties, DaoRegistry daos,
      ProducerTemplate producer, ReachableClients reachable) {
    return new IspChanges(outbox,
        properties.endpoints().stream().map(CarePlanExchangeProperties.Endpoint::id).toList(), daos, producer,
        reachable);
  }
}
