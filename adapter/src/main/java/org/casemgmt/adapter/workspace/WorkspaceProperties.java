package org.casemgmt.adapter.workspace;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The coordinators' workspace, a SMART app served at {@code /workspace/}.
 *
 * @param clientId its client id at the issuer (a public client with PKCE; the embedded issuer's {@code apps})
 * @param scope what it asks for: the user's own records through {@code /fhir}, cut to their role and caseload
 */
@ConfigurationProperties("adapter.workspace")
public record WorkspaceProperties(@DefaultValue("workspace") String clientId,
    @DefaultValue("openid user/*.cruds") String scope) {}
