package org.casemgmt.adapter.files;

/**
 * An item read from a feed file (a claim, a member, or a rejection of one), with its position among the file's items
 * (1-based): the position orders what happens within a file and makes a rejection's row unique, so a resumed job never
 * records one twice.
 */
public record FileItem<T>(long position, T parsed) {
}
