package org.casemgmt.routes.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config/adt-mapping.yml binds as Spring Boot will bind adapter.adt.mapping.*, and bad entries are caught early. */
class AdtMappingTablesTest {

  @Test
  void deploymentConfigurationBinds() {
    AdtMappingTables tables = AdtFixtures.tables();
    assertThat(tables.timeZone()).isEqualTo("America/Chicago");
    assertThat(tables.facilities()).extracting(AdtMappingTables.Facility::id)
        .containsExactly("GHHSFacility", "NORTHSIDE", "RIVERVIEW", "MCFARLAND");
    assertThat(tables.facilities()).filteredOn(AdtMappingTables.Facility::statePsychiatricHospital)
        .extracting(AdtMappingTables.Facility::id).containsExactly("MCFARLAND");
    assertThat(tables.facility(new HierarchicDesignator("riverview", ""))).get()
        .extracting(AdtMappingTables.Facility::timeZone).isEqualTo("America/New_York");
    assertThat(tables.codingSystem("i10")).contains("http://hl7.org/fhir/sid/icd-10-cm");
    assertThat(tables.identifierAuthority("test1", "2.16.1", "MR")).get()
        .extracting(AdtMappingTables.IdentifierAuthority::system).isEqualTo("urn:oid:2.16.1");
    assertThat(tables.identifierAuthority("test1", "2.16.1", "PI")).as("limited to MR").isEmpty();
  }

  @Test
  void leftOutTablesAreEmptyAndDefaultsApply(@TempDir Path dir) throws IOException {
    AdtMappingTables tables = AdtFixtures.bind(write(dir, "adapter:\n  adt:\n    mapping:\n      time-zone: UTC\n"));
    assertThat(tables.identifierAuthorities()).isEmpty();
    assertThat(tables.facilities()).isEmpty();
    assertThat(tables.codingSystems()).isEmpty();
  }

  @Test
  void anUnknownTimeZoneIsRefusedAtStartUp(@TempDir Path dir) throws IOException {
    Path yaml = write(dir, "adapter:\n  adt:\n    mapping:\n      time-zone: Mars/Olympus\n");
    assertThatThrownBy(() -> AdtFixtures.bind(yaml)).hasStackTraceContaining("not a time zone id");
  }

  @Test
  void anAuthorityWithoutSystemIsRefusedAtStartUp(@TempDir Path dir) throws IOException {
    Path yaml = write(dir, "adapter:\n  adt:\n    mapping:\n      identifier-authorities:\n        - authority: X\n");
    assertThatThrownBy(() -> AdtFixtures.bind(yaml)).hasStackTraceContaining("identifier-authorities[X].system");
  }

  private static Path write(Path dir, String yaml) throws IOException {
    Path file = dir.resolve("adt-mapping.yml");
    Files.writeString(file, yaml);
    return file;
  }
}
