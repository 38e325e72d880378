@echo off
rem Versus launcher for Windows (cmd.exe). bin\versus.bat runs lib\versus.jar the way bin/versus
rem does elsewhere: for a build, the C1 compiler only, the throughput collector, a 384 MB heap and
rem a class-data archive (lib\versus.jsa, recorded by the first build, about a second more, once);
rem `serve` keeps the JVM's defaults. Raise the heap for very large sites: set VERSUS_JAVA_OPTS=-Xmx2g
rem
rem It runs from any folder, and from a folder whose path has spaces, "&" or parentheses in it
rem (C:\Program Files (x86)\...): every path is quoted where it is expanded (also within a "set",
rem never inside a second pair of quotes), and none inside a parenthesised block, where its ")"
rem would end the block. Java is JAVA_HOME\bin\java.exe when JAVA_HOME names a JDK, else the java
rem on PATH. The exit code is Versus's own (0, 1 or 2).
rem WindowsLauncherTest checks all this on the text of this file; keep the CRLF line endings
rem (cmd.exe can miss a label in a file with LF endings alone).
setlocal
set "VERSUS_LIB=%~dp0..\lib"
if exist "%~dp0versus.jar" set "VERSUS_LIB=%~dp0."
if not exist "%VERSUS_LIB%\versus.jar" goto nojar

set "VERSUS_JAVA=java"
if not defined JAVA_HOME goto javaonpath
set "VERSUS_JAVA=%JAVA_HOME:"=%\bin\java.exe"
if exist "%VERSUS_JAVA%" goto options
set "VERSUS_JAVA=java"
:javaonpath
where java >nul 2>nul
if errorlevel 1 goto nojava

:options
set "VERSUS_OPTS="
if /I "%~1"=="serve" goto run
set "VERSUS_OPTS=-XX:TieredStopAtLevel=1 -Xmx384m -XX:+UseParallelGC -XX:MaxTenuringThreshold=1"
rem The archive names the jar by its path, so it is recorded where the jar lies. One that does not
rem fit (the jar or the JDK changed) is ignored, without a warning.
set "VERSUS_JSA=%VERSUS_LIB%\versus.jsa"
set "VERSUS_QUIET=-Xlog:cds=off -Xlog:cds+dynamic=off"
if exist "%VERSUS_JSA%" goto witharchive
if /I not "%~1"=="build" goto run
rem Recorded under a name of its own, then moved into place: two first builds at once never leave
rem half an archive. Not where lib\ cannot be written to.
set "VERSUS_TMP=%VERSUS_JSA%.%RANDOM%"
copy /y nul "%VERSUS_TMP%" >nul 2>nul
if errorlevel 1 goto run
del "%VERSUS_TMP%" >nul 2>nul
"%VERSUS_JAVA%" %VERSUS_OPTS% "-XX:ArchiveClassesAtExit=%VERSUS_TMP%" %VERSUS_QUIET% %VERSUS_JAVA_OPTS% -jar "%VERSUS_LIB%\versus.jar" %*
set "VERSUS_STATUS=%ERRORLEVEL%"
if exist "%VERSUS_TMP%" move /y "%VERSUS_TMP%" "%VERSUS_JSA%" >nul 2>nul
if exist "%VERSUS_TMP%" del "%VERSUS_TMP%" >nul 2>nul
exit /b %VERSUS_STATUS%

:witharchive
"%VERSUS_JAVA%" %VERSUS_OPTS% "-XX:SharedArchiveFile=%VERSUS_JSA%" -Xshare:auto %VERSUS_QUIET% %VERSUS_JAVA_OPTS% -jar "%VERSUS_LIB%\versus.jar" %*
exit /b %ERRORLEVEL%
:run
"%VERSUS_JAVA%" %VERSUS_OPTS% %VERSUS_JAVA_OPTS% -jar "%VERSUS_LIB%\versus.jar" %*
exit /b %ERRORLEVEL%

:nojar
>&2 echo versus: cannot find versus.jar beside "%~dp0" or in "%~dp0..\lib"; reinstall Versus
exit /b 1
:nojava
>&2 echo versus: java not found; install Java 17 or newer and put it on PATH, or set JAVA_HOME
exit /b 1
