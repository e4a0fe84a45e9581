package org.casemgmt.adapter.security;

import jakarta.servlet.http.HttpServletRequest;

/** Told of each request the security chain refuses (no valid token, a role without the endpoint). */
public interface RefusalListener {
  void refused(HttpServletRequest request, int status, String reason);
}
