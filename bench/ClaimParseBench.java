import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.casemgmt.routes.claims.ClaimReader;
import org.casemgmt.routes.claims.CsvClaimParser;
import org.casemgmt.routes.claims.ParsedClaim;
import org.casemgmt.routes.claims.X12ClaimParser;

/**
 * Parse speed of the claims readers (run by bench/claims-parse.sh, which puts routes and its dependencies on the
 * class path). Writes an 837I of N claims (psychiatric stays and other inpatient stays, 4 lines each, 5,000 claims
 * per transaction set as the 837 guide recommends, 1 in 200 claims with an invalid date) and the same claims as a
 * CSV claim-line extract, then reads each a few times and prints claims/s, MB/s and the heap: the peak of the run
 * (the readers stream, so it should not grow with N) and what stays live after a full GC.
 *
 * <p>Usage: java -cp ROUTES_CLASSPATH bench/ClaimParseBench.java [claims=100000] [rounds=3]
 */
public class ClaimParseBench {
  private static final String[] PSYCH = {"F209", "F250", "F312", "F332", "F319", "F200"};
  private static final String[] OTHER = {"J189", "I214", "K3580", "N390", "E1165"};

  public static void main(String[] args) throws Exception {
    int claims = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("claims-bench");
    Path x12 = dir.resolve("bench.837i");
    Path csv = dir.resolve("bench.csv");
    writeX12(x12, claims);
    writeCsv(csv, claims);
    System.out.printf("generated %,d claims: 837I %,d MB, CSV %,d MB%n", claims, Files.size(x12) >> 20,
        Files.size(csv) >> 20);
    for (int round = 1; round <= rounds; round++) {
      measure("837I round " + round, x12, true);
      measure("CSV  round " + round, csv, false);
    }
    Files.delete(x12);
    Files.delete(csv);
    Files.delete(dir);
  }

  private static void measure(String label, Path file, boolean x12) throws Exception {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    int accepted = 0;
    int rejected = 0;
    try (ClaimReader reader = x12 ? new X12ClaimParser().open(file) : new CsvClaimParser().open(file)) {
      ParsedClaim item;
      while ((item = reader.next()) != null) {
        if (item.isAccepted()) {
          accepted++;
        } else {
          rejected++;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.gc();
    long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf("%s: %,d claims + %,d rejections in %.2f s = %,.0f claims/s, %.1f MB/s; heap peak %,d MB"
            + " (sum of pool peaks), live after GC %,d MB, max %,d MB%n", label, accepted, rejected, seconds,
        (accepted + rejected) / seconds, Files.size(file) / seconds / (1 << 20), peak >> 20, live >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  private static void writeX12(Path file, int claims) throws Exception {
    Random random = new Random(42);
    int perTransaction = 5_000;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("ISA*00*          *00*          *ZZ*STATEMEDICAID  *ZZ*CASEMGMT       *240401*1200*^*00501*"
          + "000000001*0*P*:~\n");
      int transactions = (claims + perTransaction - 1) / perTransaction;
      out.write("GS*HC*STATEMEDICAID*CASEMGMT*20240401*1200*1*X*005010X223A2~\n");
      int written = 0;
      for (int t = 1; t <= transactions; t++) {
        StringBuilder st = new StringBuilder();
        int segments = 0;
        String control = String.format("%04d", t);
        segments += line(st, "ST*837*" + control + "*005010X223A2");
        segments += line(st, "BHT*0019*00*B" + t + "*20240401*1200*RP");
        segments += line(st, "NM1*41*2*STATE MEDICAID*****46*SUBMIT01");
        segments += line(st, "PER*IC*EDI DESK*TE*5555550100");
        segments += line(st, "NM1*40*2*CASE MGMT*****46*RECV01");
        segments += line(st, "HL*1**20*1");
        segments += line(st, "NM1*85*2*RIVERSIDE HOSPITAL*****XX*1234567893");
        segments += line(st, "N3*100 RIVER RD");
        segments += line(st, "N4*SPRINGFIELD*IL*62701");
        segments += line(st, "REF*EI*370000001");
        int hl = 2;
        for (int c = 0; c < perTransaction && written < claims; c++, written++) {
          boolean psych = random.nextInt(4) == 0;
          LocalDate admit = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(700));
          LocalDate discharge = admit.plusDays(1 + random.nextInt(14));
          String from = d8(admit);
          String through = d8(discharge);
          if (written % 200 == 199) {
            through = "20231345"; // a claim the reader must refuse
          }
          segments += line(st, "HL*" + hl++ + "*1*22*0");
          segments += line(st, "SBR*P*18*******MC");
          segments += line(st, "NM1*IL*1*MEMBER*TEST****MI*MCD" + String.format("%07d", written % 50_000));
          segments += line(st, "N3*12 ELM ST");
          segments += line(st, "N4*SPRINGFIELD*IL*62704");
          segments += line(st, "DMG*D8*19860412*F");
          segments += line(st, "NM1*PR*2*STATE MEDICAID*****PI*MCD01");
          segments += line(st, "CLM*C" + written + "*12500.00***11:A:1**A*Y*Y");
          segments += line(st, "DTP*096*TM*1130");
          segments += line(st, "DTP*434*RD8*" + from + "-" + through);
          segments += line(st, "DTP*435*DT*" + from + "2114");
          segments += line(st, "CL1*1*1*01");
          String dx = psych ? PSYCH[random.nextInt(PSYCH.length)] : OTHER[random.nextInt(OTHER.length)];
          segments += line(st, "HI*ABK:" + dx + ":::::::Y");
          segments += line(st, "HI*ABF:Z590*ABF:F1210");
          segments += line(st, "HI*DR:" + (psych ? "885" : "193"));
          segments += line(st, "NM1*71*1*CHEN*LI****XX*1245319599");
          for (int l = 1; l <= 4; l++) {
            segments += line(st, "LX*" + l);
            segments += line(st, "SV2*" + (l == 1 ? (psych ? "0124" : "0120") : "0300") + "*HC:8" + (5020 + l)
                + "*" + (100 * l) + ".00*UN*1");
            segments += line(st, "DTP*472*D8*" + from);
          }
        }
        segments += 1;
        st.append("SE*").append(segments).append('*').append(control).append("~\n");
        out.write(st.toString());
      }
      out.write("GE*" + transactions + "*1~\n");
      out.write("IEA*1*000000001~\n");
    }
  }

  private static void writeCsv(Path file, int claims) throws Exception {
    Random random = new Random(42);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("member_id,claim_id,original_claim_id,frequency_code,claim_type,type_of_bill,place_of_service,"
          + "revenue_code,procedure_code,modifiers,diagnosis_codes,from_date,through_date,admit_date,discharge_date,"
          + "billing_npi,rendering_npi,status\n");
      for (int c = 0; c < claims; c++) {
        boolean psych = random.nextInt(4) == 0;
        LocalDate admit = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(700));
        LocalDate discharge = admit.plusDays(1 + random.nextInt(14));
        String dx = psych ? PSYCH[random.nextInt(PSYCH.length)] : OTHER[random.nextInt(OTHER.length)];
        String status = random.nextInt(10) == 0 ? "denied" : "paid";
        for (int l = 1; l <= 4; l++) {
          out.write("MCD" + String.format("%07d", c % 50_000) + ",C" + c + ",,1,institutional,0111,,"
              + (l == 1 ? (psych ? "0124" : "0120") : "0300") + ",8" + (5020 + l) + ",,\"1:" + dx + ";2:Z59.0\","
              + admit + "," + (c % 200 == 199 && l == 1 ? "2023-13-45" : discharge.toString()) + "," + admit + ","
              + discharge + ",1234567893,1245319599," + status + "\n");
        }
      }
    }
  }

  private static int line(StringBuilder st, String segment) {
    st.append(segment).append("~\n");
    return 1;
  }

  private static String d8(LocalDate date) {
    return date.toString().replace("-", "");
  }
}
