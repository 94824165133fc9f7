// Runs epubcheck on every EPUB named on the command line in one Java
// process (a JVM's start costs more than checking a small book), printing
// its messages, and exits 1 if any book has an error or a warning. Run by
// extcheck.Epubcheck as: java -cp epubcheck.jar EpubcheckAll.java FILE...
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

public class EpubcheckAll {
  public static void main(String[] args) {
    int bad = 0;
    for (String f : args) {
      DefaultReportImpl report = new DefaultReportImpl(f);
      new EpubCheck(new File(f), report).validate();
      int n = report.getFatalErrorCount() + report.getErrorCount() + report.getWarningCount();
      if (n > 0) {
        System.out.println(f + ": " + n + " errors and warnings");
        bad++;
      }
    }
    System.exit(bad > 0 ? 1 : 0);
  }
}
