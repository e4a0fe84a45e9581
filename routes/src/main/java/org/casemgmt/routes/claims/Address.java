package org.casemgmt.routes.claims;

/**
 * A member's postal address as the claim states it (837 N3/N4): residency and service-area rules read the state and
 * ZIP code. ZIP codes are 5 or 9 digits without a hyphen.
 */
public record Address(String line1, String line2, String city, String state, String postalCode) {
}
