// Load an OmegaT project and read a TBX with OmegaT's own glossary reader; print "English => rendering" lines.
// Usage: groovy omegat_glossary.groovy PROJECT_DIR FILE.tbx   (OmegaT.jar on the CLASSPATH)
// OmegaT leaves non-daemon threads running: the script always ends with System.exit.
import org.omegat.core.Core
import org.omegat.core.data.RealProject
import org.omegat.gui.glossary.GlossaryReaderTBX
import org.omegat.util.ProjectFileStorage

int status = 1
try {
    Core.initializeConsole([:])
    def project = new RealProject(ProjectFileStorage.loadProjectProperties(new File(args[0])))
    project.loadProject(true)
    Core.setProject(project)
    def entries = GlossaryReaderTBX.read(new File(args[1]), false)
    println "glossary entries: " + entries.size()
    entries.each { println it.getSrcText() + " => " + it.getLocText() }
    status = 0
} catch (Throwable error) {
    error.printStackTrace()
} finally {
    System.out.flush()
    System.exit(status)
}
