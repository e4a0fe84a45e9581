/**
 * The client record's shared policy, which no one feed owns: how a person is identified (the Medicaid member-id
 * system, identifiers never stored; {@code config/client-identity.yml}) and the guide's vocabulary of encounter kinds.
 * Every feed writes by it and eligibility reads by it. It lives in routes, the lowest module both the feeds and the
 * adapter are built on; the guide's own module is not it, since routes must not carry the validator.
 */
package org.casemgmt.routes.clientrecord;
