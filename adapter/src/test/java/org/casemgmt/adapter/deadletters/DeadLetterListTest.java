package org.casemgmt.adapter.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.routes.DeadLetters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The operator's list of dead letters is paged: each page that is not the last names the next in its Link header. */
class DeadLetterListTest extends FhirServerTest {
  @Autowired
  private DeadLetters deadLetters;

  @Test
  void aLongListIsPagedWithANextLinkUntilTheLastPage() {
    String feed = "paging-" + UUID.randomUUID().toString().substring(0, 8);
    List<Long> kept = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      kept.add(deadLetters.keep(feed, "test " + i, "payload " + i, "reason " + i));
    }

    List<Long> listed = new ArrayList<>();
    String url = baseUrl() + "/admin/dead-letters?feed=" + feed + "&limit=2";
    int pages = 0;
    while (url != null) {
      ResponseEntity<List<Map<String, Object>>> page = admin().exchange(url, HttpMethod.GET, null,
          new ParameterizedTypeReference<List<Map<String, Object>>>() { });
      pages++;
      assertThat(page.getBody()).hasSizeLessThanOrEqualTo(2);
      page.getBody().forEach(letter -> listed.add(((Number) letter.get("id")).longValue()));
      url = next(page.getHeaders());
      if (url == null) {
        assertThat(page.getBody()).as("the last page").hasSize(1);
      }
    }
    assertThat(pages).isEqualTo(3);
    assertThat(listed).containsExactlyElementsOf(kept);
  }

  /** The URL of the Link header's rel="next", or null. */
  private static String next(HttpHeaders headers) {
    String link = headers.getFirst(HttpHeaders.LINK);
    if (link == null) {
      return null;
    }
    assertThat(link).endsWith("; rel=\"next\"");
    return link.substring(link.indexOf('<') + 1, link.indexOf('>'));
  }
}
