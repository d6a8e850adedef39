<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdminMenu</name>
    <message numerus="yes">
        <source>%n of the %1 selected processes belong to other users: ProcPilot asks for the administrator password once for them all; your own processes are acted on as usual</source>
        <translation>
            <numerusform>%n of the %1 selected processes belongs to another user: ProcPilot asks for the administrator password once for it; your own processes are acted on as usual</numerusform>
            <numerusform>%n of the %1 selected processes belong to other users: ProcPilot asks for the administrator password once for them all; your own processes are acted on as usual</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Confirmations</name>
    <message numerus="yes">
        <source>Its %n processes end at once and cannot save their work: anything unsaved in %1 is lost. Use End app first when you can.</source>
        <translation>
            <numerusform>Its process ends at once and cannot save its work: anything unsaved in %1 is lost. Use End app first when you can.</numerusform>
            <numerusform>Its %n processes end at once and cannot save their work: anything unsaved in %1 is lost. Use End app first when you can.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ProcPilot asks each of its %n processes to close, so %1 can save its work. If any are still running after %2 s, you can force quit them with one click.</source>
        <translation>
            <numerusform>ProcPilot asks its process to close, so %1 can save its work. If it is still running after %2 s, you can force quit it with one click.</numerusform>
            <numerusform>ProcPilot asks each of its %n processes to close, so %1 can save its work. If any are still running after %2 s, you can force quit them with one click.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of its processes belong to %1: only %1 or an administrator can end them. Unless ProcPilot runs as administrator, they are refused and keep running.</source>
        <translation>
            <numerusform>%n of its processes belongs to %1: only %1 or an administrator can end it. Unless ProcPilot runs as administrator, it is refused and keeps running.</numerusform>
            <numerusform>%n of its processes belong to %1: only %1 or an administrator can end them. Unless ProcPilot runs as administrator, they are refused and keep running.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of its processes belong to other users (%1): only they or an administrator can end them. Unless ProcPilot runs as administrator, they are refused and keep running.</source>
        <translation>
            <numerusform>%n of its processes belongs to another user (%1): only they or an administrator can end it. Unless ProcPilot runs as administrator, it is refused and keeps running.</numerusform>
            <numerusform>%n of its processes belong to other users (%1): only they or an administrator can end them. Unless ProcPilot runs as administrator, they are refused and keep running.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of its processes belong to other users: only they or an administrator can end them. Unless ProcPilot runs as administrator, they are refused and keep running.</source>
        <translation>
            <numerusform>%n of its processes belongs to another user: only they or an administrator can end it. Unless ProcPilot runs as administrator, it is refused and keeps running.</numerusform>
            <numerusform>%n of its processes belong to other users: only they or an administrator can end them. Unless ProcPilot runs as administrator, they are refused and keep running.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of its processes belong to %1. ProcPilot runs as administrator, so they are ended too.</source>
        <translation>
            <numerusform>%n of its processes belongs to %1. ProcPilot runs as administrator, so it is ended too.</numerusform>
            <numerusform>%n of its processes belong to %1. ProcPilot runs as administrator, so they are ended too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes</source>
        <extracomment>Actions that ask before they run (unless the user said &quot;Don&apos;t ask again&quot;).</extracomment>
        <translation>
            <numerusform>%n process</numerusform>
            <numerusform>%n processes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ProcPilot asks them to close, so they can save their work. If any are still running after %1 s, you can force quit with one click.</source>
        <translation>
            <numerusform>ProcPilot asks it to close, so it can save its work. If it is still running after %1 s, you can force quit with one click.</numerusform>
            <numerusform>ProcPilot asks them to close, so they can save their work. If any are still running after %1 s, you can force quit with one click.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>End the process group of %1: %n processes?</source>
        <translation>
            <numerusform>End the process group of %1: %n process?</numerusform>
            <numerusform>End the process group of %1: %n processes?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>End %1 and %n descendants?</source>
        <translation>
            <numerusform>End %1 and %n descendant?</numerusform>
            <numerusform>End %1 and %n descendants?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of these processes are critical. Continue anyway?</source>
        <translation>
            <numerusform>%n of these processes is critical. Continue anyway?</numerusform>
            <numerusform>%n of these processes are critical. Continue anyway?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ProcPilot asks for the administrator password once, for the %n processes that belong to other users.</source>
        <translation>
            <numerusform>ProcPilot asks for the administrator password once, for the %n process that belongs to another user.</numerusform>
            <numerusform>ProcPilot asks for the administrator password once, for the %n processes that belong to other users.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailsCounts</name>
    <message numerus="yes">
        <source>%n minutes ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open files</source>
        <translation>
            <numerusform>%n open file</numerusform>
            <numerusform>%n open files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connections</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n variables</source>
        <translation>
            <numerusform>%n variable</numerusform>
            <numerusform>%n variables</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%1 of %n processes shown</source>
        <translation>
            <numerusform>%1 of %n process shown</numerusform>
            <numerusform>%1 of %n processes shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ended</source>
        <translation>
            <numerusform>%n ended</numerusform>
            <numerusform>%n ended</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n force quit</source>
        <translation>
            <numerusform>%n force quit</numerusform>
            <numerusform>%n force quit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suspended</source>
        <translation>
            <numerusform>%n suspended</numerusform>
            <numerusform>%n suspended</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n resumed</source>
        <translation>
            <numerusform>%n resumed</numerusform>
            <numerusform>%n resumed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signalled</source>
        <translation>
            <numerusform>%n signalled</numerusform>
            <numerusform>%n signalled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already exited</source>
        <translation>
            <numerusform>%n already exited</numerusform>
            <numerusform>%n already exited</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still running</source>
        <translation>
            <numerusform>%n still running</numerusform>
            <numerusform>%n still running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for your answer</source>
        <translation>
            <numerusform>%n waiting for your answer</numerusform>
            <numerusform>%n waiting for your answer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not allowed</source>
        <translation>
            <numerusform>%n not allowed</numerusform>
            <numerusform>%n not allowed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a reused PID</source>
        <translation>
            <numerusform>%n with a reused PID</numerusform>
            <numerusform>%n with a reused PID</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not supported</source>
        <translation>
            <numerusform>%n not supported</numerusform>
            <numerusform>%n not supported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes ended</source>
        <translation>
            <numerusform>%n process ended</numerusform>
            <numerusform>%n processes ended</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes force quit</source>
        <translation>
            <numerusform>%n process force quit</numerusform>
            <numerusform>%n processes force quit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes suspended</source>
        <translation>
            <numerusform>%n process suspended</numerusform>
            <numerusform>%n processes suspended</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes resumed</source>
        <translation>
            <numerusform>%n process resumed</numerusform>
            <numerusform>%n processes resumed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes signalled</source>
        <translation>
            <numerusform>%n process signalled</numerusform>
            <numerusform>%n processes signalled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes changed</source>
        <translation>
            <numerusform>%n process changed</numerusform>
            <numerusform>%n processes changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes had already exited</source>
        <translation>
            <numerusform>%n process had already exited</numerusform>
            <numerusform>%n processes had already exited</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes still running</source>
        <translation>
            <numerusform>%n process still running</numerusform>
            <numerusform>%n processes still running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes waiting for your answer</source>
        <translation>
            <numerusform>%n process waiting for your answer</numerusform>
            <numerusform>%n processes waiting for your answer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes not allowed</source>
        <translation>
            <numerusform>%n process not allowed</numerusform>
            <numerusform>%n processes not allowed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes with a reused PID</source>
        <translation>
            <numerusform>%n process with a reused PID</numerusform>
            <numerusform>%n processes with a reused PID</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes not supported</source>
        <translation>
            <numerusform>%n process not supported</numerusform>
            <numerusform>%n processes not supported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes failed</source>
        <translation>
            <numerusform>%n process failed</numerusform>
            <numerusform>%n processes failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes: %1</source>
        <translation>
            <numerusform>%n process: %1</numerusform>
            <numerusform>%n processes: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new processes joined this group while it was being ended.</source>
        <translation>
            <numerusform>%n new process joined this group while it was being ended.</numerusform>
            <numerusform>%n new processes joined this group while it was being ended.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new processes started in this tree while it was being ended.</source>
        <translation>
            <numerusform>%n new process started in this tree while it was being ended.</numerusform>
            <numerusform>%n new processes started in this tree while it was being ended.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %n child processes of the ended processes are still running.</source>
        <translation>
            <numerusform>At least %n child process of the ended processes is still running.</numerusform>
            <numerusform>At least %n child processes of the ended processes are still running.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n child processes of the ended processes are still running.</source>
        <translation>
            <numerusform>%n child process of the ended processes is still running.</numerusform>
            <numerusform>%n child processes of the ended processes are still running.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (PID %2) ended; at least %n of its child processes are still running.</source>
        <translation>
            <numerusform>%1 (PID %2) ended; at least %n of its child processes is still running.</numerusform>
            <numerusform>%1 (PID %2) ended; at least %n of its child processes are still running.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (PID %2) ended; its %n child processes are still running.</source>
        <translation>
            <numerusform>%1 (PID %2) ended; its %n child process is still running.</numerusform>
            <numerusform>%1 (PID %2) ended; its %n child processes are still running.</numerusform>
        </translation>
    </message>
</context>
</TS>
