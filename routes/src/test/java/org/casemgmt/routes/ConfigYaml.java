package org.casemgmt.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * A file of config/ bound the way Spring Boot binds it at start-up, without a context, so the shipped files are what
 * the tests read. Paths are relative to the routes module, which is where Maven runs the tests.
 */
public final class ConfigYaml {

  private ConfigYaml() {
  }

  /**
   * @param ignoreUnknownFields as the type's {@code @ConfigurationProperties} says: false refuses a misspelt key
   */
  public static <T> T bind(Path yaml, String prefix, Class<T> type, boolean ignoreUnknownFields) {
    try {
      List<PropertySource<?>> sources =
          new YamlPropertySourceLoader().load(yaml.toString(), new FileSystemResource(yaml));
      BindHandler handler = ignoreUnknownFields ? BindHandler.DEFAULT
          : new NoUnboundElementsBindHandler(BindHandler.DEFAULT);
      return new Binder(ConfigurationPropertySources.from(sources)).bind(prefix, Bindable.of(type), handler)
          .orElseThrow(() -> new IllegalStateException(yaml + " has no " + prefix));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
