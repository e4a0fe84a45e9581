package org.casemgmt.routes.adt;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ADT feed's parser, built once from the deployment's mapping tables ({@code config/adt-mapping.yml}). */
@Configuration
class AdtFeedConfig {

  @Bean
  AdtParser adtParser(AdtMappingTables tables) {
    return new AdtParser(tables);
  }
}
