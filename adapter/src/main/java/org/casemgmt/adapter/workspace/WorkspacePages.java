package org.casemgmt.adapter.workspace;

import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The workspace's files: its page, scripts and styles (static, in {@code static/workspace}) and the settings it logs
 * in with. None of them carries a client's data, so they are served without a token; everything the page shows it
 * reads from {@code /fhir} with the user's token, as any SMART app would.
 */
@RestController
@Configuration
class WorkspacePages implements WebMvcConfigurer {
  private final WorkspaceProperties properties;

  WorkspacePages(WorkspaceProperties properties) {
    this.properties = properties;
  }

  @GetMapping(path = "/workspace/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> settings() {
    return Map.of("clientId", properties.clientId(), "scope", properties.scope());
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/", "/workspace/");
    registry.addRedirectViewController("/workspace", "/workspace/");
    registry.addViewController("/workspace/").setViewName("forward:/workspace/index.html");
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    // Revalidated on every load: a new release's scripts are never mixed with an old page.
    registry.addResourceHandler("/workspace/**").addResourceLocations("classpath:/static/workspace/")
        .setCacheControl(CacheControl.noCache());
  }
}
