/**
 * Keeping determinations current: a client's determinations are re-evaluated after any write of evidence about them
 * commits (whichever feed or API client made it), and every day for those whose determination has run out.
 */
package org.casemgmt.adapter.eligibility.current;
