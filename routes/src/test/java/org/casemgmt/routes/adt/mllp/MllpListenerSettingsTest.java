package org.casemgmt.routes.adt.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.support.jsse.ClientAuthentication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.util.unit.DataSize;

/** The listener's settings as config/mllp.yml ships them, and the ones that stop start-up. */
class MllpListenerSettingsTest {

  @Test
  void theShippedDefaultsAllowEveryoneAndCloseIdleConnectionsAfterFiveMinutes() throws IOException {
    List<PropertySource<?>> file = new YamlPropertySourceLoader()
        .load("mllp.yml", new FileSystemResource("../config/mllp.yml"));
    MllpListenerSettings settings = new Binder(ConfigurationPropertySources.from(file))
        .bind("adapter.mllp", MllpListenerSettings.class).get();

    assertThat(settings.host()).isEqualTo("0.0.0.0");
    assertThat(settings.port()).isEqualTo(2575);
    assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.maxConnections()).isEqualTo(50);
    assertThat(settings.maxConnectionsPerSender()).isEqualTo(4);
    assertThat(settings.maxMessageBytes()).isEqualTo(DataSize.ofMegabytes(1));
    assertThat(settings.maxFrameBytes()).isEqualTo(DataSize.ofMegabytes(4));
    assertThat(settings.allowedSenders()).isEmpty();
    assertThat(settings.tls().enabled()).isFalse();
    assertThat(settings.tls().clientAuth()).isEqualTo(ClientAuthentication.NONE);
  }

  @Test
  void allowedSendersAreBoundFromTheirAddressAndFacility() {
    MllpListenerSettings settings = bind(Map.of(
        "adapter.mllp.allowed-senders[0].address", "10.20.0.0/16",
        "adapter.mllp.allowed-senders[0].sending-facility", "*",
        "adapter.mllp.allowed-senders[1].address", "2001:db8::7",
        "adapter.mllp.allowed-senders[1].sending-facility", "NORTHSIDE",
        "adapter.mllp.max-message-bytes", "2MB",
        "adapter.mllp.tls.client-auth", "want"));

    assertThat(settings.allowedSenders()).extracting(Object::toString)
        .containsExactly("10.20.0.0/16 *", "2001:db8:0:0:0:0:0:7 NORTHSIDE");
    assertThat(settings.maxMessageBytes().toBytes()).isEqualTo(2 * 1024 * 1024);
    assertThat(settings.tls().clientAuth()).isEqualTo(ClientAuthentication.WANT);
  }

  @Test
  void anAllowedSenderNamedByHostNameStopsStartUp() {
    assertThatThrownBy(() -> bind(Map.of(
        "adapter.mllp.allowed-senders[0].address", "engine.northside.example.org",
        "adapter.mllp.allowed-senders[0].sending-facility", "NORTHSIDE")))
        .isInstanceOf(BindException.class).hasStackTraceContaining("host names are not accepted");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = ';', value = {
      "port; 70000; port 70000 is not a TCP port",
      "idle-timeout; 0s; idle-timeout PT0S must be positive",
      "max-connections; -1; max-connections -1 must be at least 1",
      "max-connections-per-sender; 51; max-connections-per-sender 51 must be 1 to max-connections (50)",
      "max-frame-bytes; 1MB; max-frame-bytes 1048576 must be larger than max-message-bytes (1048576)",
      "allowed-senders[0].address; 10.20.0.0/16; allowed-senders[0]: sending-facility is missing",
      "allowed-senders[0].sending-facility; NORTHSIDE; allowed-senders[0]: address is missing",
      "tls.enabled; true; tls.key-store and tls.key-store-password are needed"})
  void aSettingThatCannotWorkStopsStartUpNamingIt(String key, String value, String problem) {
    assertThatThrownBy(() -> bind(Map.of("adapter.mllp." + key, value)))
        .isInstanceOf(BindException.class).hasStackTraceContaining(problem);
  }

  @Test
  void everyProblemIsListedAtOnceAndNoPasswordIsShown() {
    Map<String, String> properties = new HashMap<>();
    properties.put("adapter.mllp.max-connections-per-sender", "0");
    properties.put("adapter.mllp.max-connections", "-3");
    properties.put("adapter.mllp.tls.enabled", "true");
    properties.put("adapter.mllp.tls.key-store", "/etc/adapter/mllp.p12");
    properties.put("adapter.mllp.tls.key-store-password", "s3cret");
    properties.put("adapter.mllp.tls.client-auth", "REQUIRE");
    Throwable refusal = catchThrowable(() -> bind(properties));
    StringWriter trace = new StringWriter();
    refusal.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).contains("max-connections -3", "tls.trust-store").doesNotContain("s3cret");

    properties.put("adapter.mllp.max-connections", "10");
    properties.put("adapter.mllp.tls.trust-store", "/etc/adapter/senders.p12");
    properties.put("adapter.mllp.tls.trust-store-password", "s3cret");
    assertThat(bind(properties).toString()).doesNotContain("s3cret").contains("client certificates REQUIRE");
  }

  private static MllpListenerSettings bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("adapter.mllp",
        MllpListenerSettings.class);
  }
}
