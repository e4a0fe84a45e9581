package org.casemgmt.routes.adt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casemgmt.routes.ConfigYaml;
import org.casemgmt.routes.clientrecord.IdentityFixtures;

/**
 * The deployment's mapping tables, bound from config/adt-mapping.yml the way Spring Boot will bind them (without a
 * context), with the shipped identity policy, and the public sample messages. Paths are relative to the routes module, which is where Maven runs the
 * tests: ../config is the repository's config, ../../shared the shared data beside the repository (the same from
 * every work tree, as each is /work/<name>).
 */
final class AdtFixtures {
  static final Path CONFIG = Path.of("../config/adt-mapping.yml");
  static final Path SAMPLES = Path.of("../../shared/data/hl7v2/microsoft-fhir-converter");
  /** Public ADT messages from other projects (other senders), one folder per source; see its ATTRIBUTION.md. */
  static final Path CORPUS = Path.of("src/test/resources/adt/corpus");

  private static final AdtMappingTables TABLES = bind(CONFIG);
  private static final AdtParser PARSER = new AdtParser(TABLES, IdentityFixtures.shipped());

  private AdtFixtures() {
  }

  static AdtMappingTables tables() {
    return TABLES;
  }

  /** One parser for all tests, as in production: it must be shareable. */
  static AdtParser parser() {
    return PARSER;
  }

  static AdtMappingTables bind(Path yaml) {
    return ConfigYaml.bind(yaml, "adapter.adt.mapping", AdtMappingTables.class, true);
  }

  /** A sample file's text exactly as published (BOM, LF segment ends and all). */
  static String sample(String file) {
    try {
      return Files.readString(SAMPLES.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A corpus file's text exactly as stored (segment ends CR, LF or CRLF, as its source has them). */
  static String corpus(String file) {
    try {
      return Files.readString(CORPUS.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The refusal of a message that must be refused. */
  static AdtRejection rejection(String raw) {
    try {
      AdtMessage message = PARSER.parse(raw);
      throw new AssertionError("expected a refusal, but ADT^" + message.event() + " was read");
    } catch (AdtRejection rejection) {
      return rejection;
    }
  }

  static AdtMessage parseSample(String file) throws AdtRejection {
    return PARSER.parse(sample(file));
  }
}
