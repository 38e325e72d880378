@echo off
rem Versus launcher for Windows: bin\versus.bat runs lib\versus.jar with the JVM set for a short
rem batch job (the C1 compiler only, the throughput collector, a 384 MB heap), as bin/versus does;
rem `serve` keeps the JVM's defaults. Raise the heap for very large sites: set VERSUS_JAVA_OPTS=-Xmx2g
setlocal
set "VERSUS_LIB=%~dp0..\lib"
if exist "%~dp0versus.jar" set "VERSUS_LIB=%~dp0."
set "VERSUS_OPTS="
if /I not "%~1"=="serve" set "VERSUS_OPTS=-XX:TieredStopAtLevel=1 -Xmx384m -XX:+UseParallelGC"
java %VERSUS_OPTS% %VERSUS_JAVA_OPTS% -jar "%VERSUS_LIB%\versus.jar" %*
exit /b %ERRORLEVEL%
