package org.casemgmt.routes.adt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.casemgmt.routes.FeedHeaders;

/**
 * A batch file of ADT messages: split into messages (batch envelope segments FHS/BHS/BTS/FTS dropped), and the
 * acknowledgements gathered into a report written beside the processed file.
 */
class AdtBatchFile implements Processor {
  /** A message starts with MSH at the start of the file or of a line, whatever the line ending. */
  private static final Pattern MESSAGE_START = Pattern.compile("(?:^|(?<=[\\r\\n]))(?=MSH)");
  private static final Pattern ENVELOPE = Pattern.compile("(?m)^(FHS|BHS|BTS|FTS)[^\\r\\n]*[\\r\\n]*");

  @Override
  public void process(Exchange exchange) {
    String content = exchange.getMessage().getBody(String.class);
    exchange.getMessage().setBody(messages(content));
  }

  static List<String> messages(String content) {
    String withoutBom = content.startsWith("\uFEFF") ? content.substring(1) : content;
    String withoutEnvelope = ENVELOPE.matcher(withoutBom).replaceAll("");
    List<String> messages = new ArrayList<>();
    for (String part : MESSAGE_START.split(withoutEnvelope)) {
      String message = part.strip();
      if (!message.isEmpty()) {
        messages.add(message);
      }
    }
    return messages;
  }

  /** One line per message: its position, control id, acknowledgement code and, when refused, why. */
  static class Report implements AggregationStrategy {
    @Override
    public Exchange aggregate(Exchange report, Exchange acknowledged) {
      int index = acknowledged.getProperty(Exchange.SPLIT_INDEX, Integer.class);
      String line = (index + 1) + "|" + summary(acknowledged.getMessage().getBody(String.class))
          + deadLetter(acknowledged) + "\n";
      if (report == null) {
        acknowledged.getMessage().setBody("message|control id|ack|detail|dead letter\n" + line);
        return acknowledged;
      }
      report.getMessage().setBody(report.getMessage().getBody(String.class) + line);
      return report;
    }

    private static String deadLetter(Exchange acknowledged) {
      Long id = acknowledged.getMessage().getHeader(FeedHeaders.DEAD_LETTER_ID, Long.class);
      acknowledged.getMessage().removeHeader(FeedHeaders.DEAD_LETTER_ID);
      return "|" + (id == null ? "" : id);
    }

    /** MSA-2, MSA-1 and ERR-8 (or MSA-3) of an acknowledgement. */
    static String summary(String ack) {
      String code = "";
      String controlId = "";
      String detail = "";
      for (String segment : ack.split("[\\r\\n]+")) {
        if (segment.length() < 4) {
          continue;
        }
        String[] fields = segment.substring(4).split(Pattern.quote(String.valueOf(segment.charAt(3))), -1);
        if (segment.startsWith("MSA")) {
          code = field(fields, 1);
          controlId = field(fields, 2);
          detail = detail.isEmpty() ? field(fields, 3) : detail;
        } else if (segment.startsWith("ERR")) {
          detail = field(fields, 8);
        }
      }
      return controlId + "|" + code + "|" + detail.replace('|', '/');
    }

    private static String field(String[] fields, int number) {
      return fields.length >= number ? fields[number - 1] : "";
    }
  }
}
