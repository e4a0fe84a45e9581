package org.casemgmt.routes.claims.generator;

import java.util.List;
import java.util.Random;

/**
 * Where a member lives: a real Illinois county, a city in it and one of its ZIP codes, so residency rules that map
 * ZIP codes to counties have something true to find. Cook County is listed several times, as it holds a large share
 * of the state's Medicaid members.
 */
public record IllinoisPlace(String county, String city, String zip) {
  public static final List<IllinoisPlace> ALL = List.of(
      new IllinoisPlace("COOK", "CHICAGO", "60608"),
      new IllinoisPlace("COOK", "CHICAGO", "60623"),
      new IllinoisPlace("COOK", "CHICAGO", "60628"),
      new IllinoisPlace("COOK", "CHICAGO", "60617"),
      new IllinoisPlace("COOK", "CHICAGO", "60640"),
      new IllinoisPlace("COOK", "CICERO", "60804"),
      new IllinoisPlace("COOK", "EVANSTON", "60201"),
      new IllinoisPlace("DUPAGE", "WHEATON", "60187"),
      new IllinoisPlace("LAKE", "WAUKEGAN", "60085"),
      new IllinoisPlace("WILL", "JOLIET", "60432"),
      new IllinoisPlace("KANE", "AURORA", "60505"),
      new IllinoisPlace("WINNEBAGO", "ROCKFORD", "61101"),
      new IllinoisPlace("SANGAMON", "SPRINGFIELD", "62703"),
      new IllinoisPlace("PEORIA", "PEORIA", "61605"),
      new IllinoisPlace("CHAMPAIGN", "CHAMPAIGN", "61820"),
      new IllinoisPlace("MCLEAN", "BLOOMINGTON", "61701"),
      new IllinoisPlace("MACON", "DECATUR", "62521"),
      new IllinoisPlace("ST CLAIR", "EAST ST LOUIS", "62201"),
      new IllinoisPlace("MADISON", "GRANITE CITY", "62040"),
      new IllinoisPlace("JACKSON", "CARBONDALE", "62901"),
      new IllinoisPlace("ROCK ISLAND", "MOLINE", "61265"),
      new IllinoisPlace("KANKAKEE", "KANKAKEE", "60901"),
      new IllinoisPlace("VERMILION", "DANVILLE", "61832"),
      new IllinoisPlace("ADAMS", "QUINCY", "62301"));

  public static IllinoisPlace random(Random random) {
    return ALL.get(random.nextInt(ALL.size()));
  }
}
