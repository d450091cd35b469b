@echo off
rem Double-click to start the map on Windows: the same as `py run.py` in this folder.
rem No parenthesised blocks below: a folder such as "Program Files (x86)" would end them early.
setlocal
cd /d "%~dp0"
where py >nul 2>nul
if errorlevel 1 goto python
py -3 "%~dp0run.py" %*
goto done
:python
where python >nul 2>nul
if errorlevel 1 goto nopython
python "%~dp0run.py" %*
goto done
:nopython
echo Python 3.11 or newer is needed: install it (python.org or the Microsoft Store), then start again.
:done
if errorlevel 1 pause
endlocal
