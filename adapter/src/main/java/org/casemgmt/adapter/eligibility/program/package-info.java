/**
 * Program definitions as data: the rules of one case-management program, read from {@code config/programs/*.yaml}
 * and checked before the service starts. The classes here say what a program requires; the engine in the parent
 * package decides whether a client meets it.
 */
package org.casemgmt.adapter.eligibility.program;
