package org.casemgmt.adapter.security;

import java.util.EnumSet;
import java.util.Set;

/** SMART v2's interactions on a resource type: create, read, update, delete, search. */
public enum Interaction {
  CREATE('c'), READ('r'), UPDATE('u'), DELETE('d'), SEARCH('s');

  private final char letter;

  Interaction(char letter) {
    this.letter = letter;
  }

  /** "cruds", "rs": the letters in SMART's order; null when they are not ({@code "sr"} is not a v2 scope). */
  static Set<Interaction> ofLetters(String letters) {
    EnumSet<Interaction> found = EnumSet.noneOf(Interaction.class);
    int next = 0;
    for (char c : letters.toCharArray()) {
      Interaction match = null;
      for (Interaction candidate : values()) {
        if (candidate.letter == c && candidate.ordinal() >= next) {
          match = candidate;
        }
      }
      if (match == null) {
        return null;
      }
      found.add(match);
      next = match.ordinal() + 1;
    }
    return found.isEmpty() ? null : found;
  }
}
