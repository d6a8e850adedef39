<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionFeedback</name>
    <message>
        <source>Ending %1…</source>
        <extracomment>The user chose &quot;Force quit&quot; in a bar (the ActionRequest to send, asked no more). The user chose &quot;Resume&quot; for suspended processes (tuple of ProcessSample). The user chose &quot;End them too&quot; (an ActionRequest still to be confirmed). The user chose &quot;Try as administrator&quot; for refused processes, or &quot;Try again&quot; after the password was not given (an ActionRequest, carried out as administrator). The Force quit bar no longer offers these processes (tuple of ProcessKey): they exited, the bar was closed or replaced. Helper sessions held for them can close. ProcPilot itself was ended through its own menu. The user chose &quot;Switch to&quot; for the question an app asks after End app (WindowInfo). The window in which the processes the Force quit bar offers ask the user something. The app whose survivors (or suspended processes) the bars offer, if an app was ended. The report whose newcomers or children left running the End them too bar offers. What &quot;Try as administrator&quot; would send: the refused processes of the last report. What &quot;Try again&quot; would send: the processes whose administrator password was not given.</extracomment>
        <translation>正在结束 %1…</translation>
    </message>
    <message>
        <source>Force quitting %1…</source>
        <translation>正在强制结束 %1…</translation>
    </message>
    <message>
        <source>Suspending %1…</source>
        <translation>正在暂停 %1…</translation>
    </message>
    <message>
        <source>Resuming %1…</source>
        <translation>正在恢复 %1…</translation>
    </message>
    <message>
        <source>Signalling %1…</source>
        <translation>正在向 %1 发送信号…</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详细信息…</translation>
    </message>
    <message>
        <source>Try as administrator</source>
        <translation>以管理员身份重试</translation>
    </message>
    <message>
        <source>Changing the priority of %1…</source>
        <translation>正在更改 %1 的优先级…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Results: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>%1 is still running %2 s after End app: %3.</source>
        <translation>“结束应用程序”%2 秒后，%1仍在运行：%3。</translation>
    </message>
    <message>
        <source>%1 is still running %2 s after End.</source>
        <translation>“结束”%2 秒后，%1仍在运行。</translation>
    </message>
    <message>
        <source>%1 are still running %2 s after End.</source>
        <translation>“结束”%2 秒后，%1仍在运行。</translation>
    </message>
    <message>
        <source>Force quit</source>
        <translation>强制结束</translation>
    </message>
    <message>
        <source>%1 is asking a question in its window “%2”. Answer it there, or force quit.</source>
        <translation>%1 正在其窗口“%2”中提问。请在那里回答，或强制结束。</translation>
    </message>
    <message>
        <source>%1 is asking a question in a window. Answer it there, or force quit.</source>
        <translation>%1 正在一个窗口中提问。请在那里回答，或强制结束。</translation>
    </message>
    <message>
        <source>Switch to</source>
        <translation>切换到</translation>
    </message>
    <message>
        <source>%1 is suspended: it will end when it is resumed.</source>
        <translation>%1已暂停：继续运行后才会结束。</translation>
    </message>
    <message>
        <source>%1 are suspended: they will end when they are resumed.</source>
        <translation>%1已暂停：继续运行后才会结束。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>End them too</source>
        <translation>一并结束</translation>
    </message>
    <message>
        <source>%1 ended.</source>
        <translation>%1已结束。</translation>
    </message>
</context>
<context>
    <name>ActionMeanings</name>
    <message>
        <source>asks the process to close, so it can save its work</source>
        <translation>请求进程关闭，以便它保存工作</translation>
    </message>
    <message>
        <source>ends the process at once</source>
        <translation>立即结束进程</translation>
    </message>
    <message>
        <source>ends the process at once; unsaved work is lost</source>
        <translation>立即结束进程；未保存的工作将会丢失</translation>
    </message>
    <message>
        <source>the process stops running until it is resumed</source>
        <translation>进程停止运行，直到被继续</translation>
    </message>
    <message>
        <source>the suspended process runs again</source>
        <translation>已暂停的进程恢复运行</translation>
    </message>
    <message>
        <source>many services reload their configuration</source>
        <translation>许多服务会重新加载配置</translation>
    </message>
    <message>
        <source>as Ctrl+C in a terminal; most programs end</source>
        <translation>相当于在终端中按 Ctrl+C；大多数程序会结束</translation>
    </message>
    <message>
        <source>any signal, each with what it means</source>
        <translation>任意信号，并附有各自的含义</translation>
    </message>
    <message>
        <source>asks every process of its group to close</source>
        <translation>请求其进程组中的每个进程关闭</translation>
    </message>
    <message>
        <source>ends its descendants first, then the process</source>
        <translation>先结束其所有后代进程，再结束该进程</translation>
    </message>
    <message>
        <source>asks every process of the app to close, so it can save its work</source>
        <translation>请求该应用程序的每个进程关闭，以便它保存工作</translation>
    </message>
    <message>
        <source>ends every process of the app at once</source>
        <translation>立即结束该应用程序的所有进程</translation>
    </message>
    <message>
        <source>ends every process of the app at once; unsaved work is lost</source>
        <translation>立即结束该应用程序的所有进程；未保存的工作将会丢失</translation>
    </message>
    <message>
        <source>how much processor time it gets when others want it too</source>
        <translation>与其他进程争用处理器时它能获得多少时间</translation>
    </message>
    <message>
        <source>Sends %1: %2</source>
        <translation>发送 %1：%2</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;End</source>
        <extracomment>A mnemonic in parentheses after the text, as CJK translations write it: ``结束(&amp;E)``.</extracomment>
        <translation>结束(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;End task</source>
        <translation>结束任务(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Force quit</source>
        <translation>强制结束(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Suspend</source>
        <translation>暂停(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Hang up</source>
        <translation>挂断(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Interrupt</source>
        <translation>中断(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Send signal</source>
        <translation>发送信号(&amp;S)</translation>
    </message>
    <message>
        <source>End process &amp;group</source>
        <translation>结束进程组(&amp;G)</translation>
    </message>
    <message>
        <source>End process &amp;tree</source>
        <translation>结束进程树(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;End app</source>
        <translation>结束应用程序(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Force quit app</source>
        <translation>强制结束应用程序(&amp;F)</translation>
    </message>
    <message>
        <source>Change pri&amp;ority</source>
        <translation>更改优先级(&amp;O)</translation>
    </message>
</context>
<context>
    <name>AdminMenu</name>
    <message>
        <source>This process belongs to another user: ProcPilot asks for the administrator password once, then acts on it</source>
        <translation>此进程属于其他用户：ProcPilot 会询问一次管理员密码，然后对其执行操作</translation>
    </message>
    <message numerus="yes">
        <source>%n of the %1 selected processes belong to other users: ProcPilot asks for the administrator password once for them all; your own processes are acted on as usual</source>
        <translation>
            <numerusform>所选的 %1 个进程中有 %n 个属于其他用户：ProcPilot 会为它们询问一次管理员密码；您自己的进程照常处理</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs pkexec, which is not installed: install the pkexec package (called polkit on some systems) to act as administrator</source>
        <translation>需要 pkexec，但尚未安装：请安装 pkexec 软件包（在某些系统上称为 polkit）以管理员身份操作</translation>
    </message>
    <message>
        <source>ProcPilot cannot act as administrator on this system</source>
        <translation>ProcPilot 无法在此系统上以管理员身份操作</translation>
    </message>
    <message>
        <source>ProcPilot needs an administrator&apos;s password to act on processes of other users.</source>
        <translation>ProcPilot 需要管理员密码才能对其他用户的进程执行操作。</translation>
    </message>
</context>
<context>
    <name>AppMenu</name>
    <message>
        <source>As a&amp;dministrator</source>
        <extracomment>An app as the view lists it: the app and its processes now. The app entries, in menu order (each where the adapter has it).</extracomment>
        <translation>以管理员身份(&amp;D)</translation>
    </message>
    <message>
        <source>Select one app: apps are ended one at a time, each after its own confirmation</source>
        <translation>请只选择一个应用程序：应用程序需逐个结束，每个都要单独确认</translation>
    </message>
</context>
<context>
    <name>Applications</name>
    <message>
        <source>Background processes</source>
        <extracomment>Sort values that keep the sections below the applications, whichever way a column sorts, Background before System: (ascending, descending) for each section, distinct, as a tie would let a live update swap them (the proxy re-sorts a changed row after its equals). Before an app&apos;s text sort values (often empty: an app has no one status): above &quot;<byte value="x1"/>&quot;, so sorted descending an app still comes before the sections. Columns whose sort values are ints (Qt compares two values as the left one&apos;s type). What each group row shows now, per column: a refresh sets only the cells that differ, so an unchanged total repaints nothing and does not make the proxy filter again. The view hides kernel threads unless asked (see ``set_kernel_threads_counted``). How many processes the view lists under a group, where a filter (search, Only me) lists fewer than it has: its row says &quot;Blinking Owl (1 of 4)&quot;. PIDs that joined an application since its helpers were last looked for.</extracomment>
        <translation>后台进程</translation>
    </message>
    <message>
        <source>Windows processes</source>
        <translation>Windows 进程</translation>
    </message>
    <message>
        <source>System processes</source>
        <translation>系统进程</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1（%2/%3）</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>Window title</source>
        <translation>窗口标题</translation>
    </message>
    <message>
        <source>Disk read/s</source>
        <translation>磁盘读取/秒</translation>
    </message>
    <message>
        <source>Disk write/s</source>
        <translation>磁盘写入/秒</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Process name</source>
        <translation>进程名称</translation>
    </message>
    <message>
        <source>Process ID</source>
        <translation>进程 ID</translation>
    </message>
    <message>
        <source>User that owns the process</source>
        <translation>拥有该进程的用户</translation>
    </message>
    <message>
        <source>What the process is doing now</source>
        <translation>进程当前的状态</translation>
    </message>
    <message>
        <source>CPU use since the last refresh; 100 = one full core</source>
        <translation>自上次刷新以来的 CPU 使用率；100 表示占满一个核心</translation>
    </message>
    <message>
        <source>Resident memory (RAM in use)</source>
        <translation>常驻内存（正在使用的物理内存）</translation>
    </message>
    <message>
        <source>Number of threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>When the process started (local time)</source>
        <translation>进程的启动时间（本地时间）</translation>
    </message>
    <message>
        <source>Full command line</source>
        <translation>完整命令行</translation>
    </message>
    <message>
        <source>The title of its first window (all of them in the cell&apos;s tooltip)</source>
        <translation>其第一个窗口的标题（所有窗口标题见单元格的工具提示）</translation>
    </message>
    <message>
        <source>Bytes read per second by all the process&apos;s reads: files (also those served from the cache), network and devices, which Windows counts together</source>
        <translation>该进程所有读取操作每秒的字节数：文件（包括从缓存读取的）、网络和设备，Windows 将它们合并计数</translation>
    </message>
    <message>
        <source>Bytes written per second by all the process&apos;s writes: files (also those still in the cache), network and devices, which Windows counts together</source>
        <translation>该进程所有写入操作每秒的字节数：文件（包括仍在缓存中的）、网络和设备，Windows 将它们合并计数</translation>
    </message>
    <message>
        <source>Bytes read from the storage device per second (reads served from the page cache or tmpfs do not count)</source>
        <translation>每秒从存储设备读取的字节数（由页面缓存或 tmpfs 提供的读取不计）</translation>
    </message>
    <message>
        <source>Bytes written to the storage device per second (counted when the data is queued for the disk; files in tmpfs do not count)</source>
        <translation>每秒写入存储设备的字节数（数据排队写入磁盘时计数；tmpfs 中的文件不计）</translation>
    </message>
    <message>
        <source>Priority class: a higher class runs first when the processor is busy (Normal by default)</source>
        <translation>优先级类别：处理器繁忙时，类别较高的先运行（默认为“正常”）</translation>
    </message>
    <message>
        <source>Nice value: lower runs first when the processor is busy (Normal is 0)</source>
        <translation>nice 值：处理器繁忙时数值越低越先运行（普通为 0）</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Name, PID, user and command line of each process</source>
        <translation>每个进程的名称、PID、用户和命令行</translation>
    </message>
</context>
<context>
    <name>Confirmations</name>
    <message>
        <source>this is ProcPilot itself: its window closes</source>
        <extracomment>An application&apos;s icon, for the confirmation that names it. A request went to the controller (ActionRequest, with the processes it covers). A confirmation opened (True) or every one closed (False): the list holds still meanwhile.</extracomment>
        <translation>这是 ProcPilot 本身：它的窗口将会关闭</translation>
    </message>
    <message>
        <source>Don’t ask again for “%1”</source>
        <translation>执行“%1”时不再询问</translation>
    </message>
    <message>
        <source>Force quit %1?</source>
        <translation>强制结束 %1？</translation>
    </message>
    <message numerus="yes">
        <source>Its %n processes end at once and cannot save their work: anything unsaved in %1 is lost. Use End app first when you can.</source>
        <translation>
            <numerusform>它的 %n 个进程将立即结束，无法保存工作：%1 中所有未保存的内容都会丢失。请尽量先使用“结束应用程序”。</numerusform>
        </translation>
    </message>
    <message>
        <source>Its process ends at once and cannot save its work: anything unsaved in %1 is lost. Use End app first when you can.</source>
        <translation>它的进程将立即结束，无法保存工作：%1 中所有未保存的内容都会丢失。请尽量先使用“结束应用程序”。</translation>
    </message>
    <message>
        <source>End %1?</source>
        <translation>结束 %1？</translation>
    </message>
    <message>
        <source>ProcPilot first asks its windows to close, so it can offer to save your work. What is still running after %1 s is asked to end, unless it is asking you a question in a new window; if anything still runs %1 s later, you can force quit it with one click.</source>
        <translation>ProcPilot 会先请求它的窗口关闭，以便它提示您保存工作。%1 秒后仍在运行的进程会被请求结束，除非它正在新窗口中向您提问；如果再过 %1 秒仍有进程在运行，您可以一键强制结束。</translation>
    </message>
    <message numerus="yes">
        <source>ProcPilot asks each of its %n processes to close, so %1 can save its work. If any are still running after %2 s, you can force quit them with one click.</source>
        <translation>
            <numerusform>ProcPilot 会请求它的 %n 个进程逐一关闭，以便 %1 保存工作。如果 %2 秒后仍有进程在运行，您可以一键强制结束。</numerusform>
        </translation>
    </message>
    <message>
        <source>ProcPilot asks its process to close, so %1 can save its work. If it is still running after %2 s, you can force quit it with one click.</source>
        <translation>ProcPilot 会请求它的进程关闭，以便 %1 保存工作。如果 %2 秒后它仍在运行，您可以一键强制结束。</translation>
    </message>
    <message numerus="yes">
        <source>%n of its processes belong to %1: only %1 or an administrator can end them. Unless ProcPilot runs as administrator, they are refused and keep running.</source>
        <translation>
            <numerusform>它有 %n 个进程属于 %1：只有 %1 或管理员才能结束这些进程。除非 ProcPilot 以管理员身份运行，否则结束请求会被拒绝，这些进程将继续运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>One of its processes belongs to %1: only %1 or an administrator can end it. Unless ProcPilot runs as administrator, it is refused and keeps running.</source>
        <translation>它有一个进程属于 %1：只有 %1 或管理员才能结束该进程。除非 ProcPilot 以管理员身份运行，否则结束请求会被拒绝，该进程将继续运行。</translation>
    </message>
    <message numerus="yes">
        <source>%n of its processes belong to other users (%1): only they or an administrator can end them. Unless ProcPilot runs as administrator, they are refused and keep running.</source>
        <translation>
            <numerusform>它有 %n 个进程属于其他用户（%1）：只有这些用户或管理员才能结束这些进程。除非 ProcPilot 以管理员身份运行，否则结束请求会被拒绝，这些进程将继续运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%n of its processes belong to other users: only they or an administrator can end them. Unless ProcPilot runs as administrator, they are refused and keep running.</source>
        <translation>
            <numerusform>它有 %n 个进程属于其他用户：只有这些用户或管理员才能结束这些进程。除非 ProcPilot 以管理员身份运行，否则结束请求会被拒绝，这些进程将继续运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>other users</source>
        <translation>其他用户</translation>
    </message>
    <message>
        <source>One of its processes belongs to %1. ProcPilot runs as administrator, so it is ended too.</source>
        <translation>它有一个进程属于 %1。ProcPilot 以管理员身份运行，因此该进程也会被结束。</translation>
    </message>
    <message numerus="yes">
        <source>%n of its processes belong to %1. ProcPilot runs as administrator, so they are ended too.</source>
        <translation>
            <numerusform>它有 %n 个进程属于 %1。ProcPilot 以管理员身份运行，因此这些进程也会被结束。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes</source>
        <extracomment>Actions that ask before they run (unless the user said &quot;Don&apos;t ask again&quot;).</extracomment>
        <translation>
            <numerusform>%n 个进程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ProcPilot asks them to close, so they can save their work. If any are still running after %1 s, you can force quit with one click.</source>
        <translation>
            <numerusform>ProcPilot 会请求它们关闭，以便它们保存工作。如果 %1 秒后仍有进程在运行，您可以一键强制结束。</numerusform>
        </translation>
    </message>
    <message>
        <source>ProcPilot asks it to close, so it can save its work. If it is still running after %1 s, you can force quit with one click.</source>
        <translation>ProcPilot 会请求它关闭，以便它保存工作。如果 %1 秒后它仍在运行，您可以一键强制结束。</translation>
    </message>
    <message>
        <source>Force quit</source>
        <translation>强制结束</translation>
    </message>
    <message>
        <source>It ends at once and cannot save its work: anything unsaved in it is lost. Use End first when you can.</source>
        <translation>它将立即结束，无法保存工作：其中所有未保存的内容都会丢失。请尽量先使用“结束”。</translation>
    </message>
    <message>
        <source>They end at once and cannot save their work: anything unsaved in them is lost. Use End first when you can.</source>
        <translation>它们将立即结束，无法保存工作：其中所有未保存的内容都会丢失。请尽量先使用“结束”。</translation>
    </message>
    <message>
        <source>End process group</source>
        <translation>结束进程组</translation>
    </message>
    <message numerus="yes">
        <source>End the process group of %1: %n processes?</source>
        <translation>
            <numerusform>结束 %1 所在的进程组（共 %n 个进程）？</numerusform>
        </translation>
    </message>
    <message>
        <source>Every process listed here gets the polite end. %1</source>
        <translation>此处列出的每个进程都会先被礼貌地请求结束。%1</translation>
    </message>
    <message>
        <source>End group</source>
        <translation>结束进程组</translation>
    </message>
    <message>
        <source>End process tree</source>
        <translation>结束进程树</translation>
    </message>
    <message numerus="yes">
        <source>End %1 and %n descendants?</source>
        <translation>
            <numerusform>结束 %1 及其 %n 个后代进程？</numerusform>
        </translation>
    </message>
    <message>
        <source>The descendants are ended first, then %1. %2</source>
        <translation>先结束后代进程，再结束 %1。%2</translation>
    </message>
    <message>
        <source>End tree</source>
        <translation>结束进程树</translation>
    </message>
    <message>
        <source>%1 %2?</source>
        <translation>%1 %2？</translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1：%2</translation>
    </message>
    <message>
        <source>%1 is critical. Continue anyway?</source>
        <translation>%1 是关键进程。仍要继续吗？</translation>
    </message>
    <message numerus="yes">
        <source>%n of these processes are critical. Continue anyway?</source>
        <translation>
            <numerusform>其中有 %n 个关键进程。仍要继续吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Critical process</source>
        <translation>关键进程</translation>
    </message>
    <message>
        <source>%1

Only continue if you know what this does.</source>
        <translation>%1

请仅在您清楚后果时继续。</translation>
    </message>
    <message>
        <source>%1 anyway</source>
        <translation>仍然%1</translation>
    </message>
    <message numerus="yes">
        <source>ProcPilot asks for the administrator password once, for the %n processes that belong to other users.</source>
        <translation>
            <numerusform>ProcPilot 会为属于其他用户的 %n 个进程询问一次管理员密码。</numerusform>
        </translation>
    </message>
    <message>
        <source>ProcPilot asks for the administrator password once, for the process that belongs to another user.</source>
        <translation>ProcPilot 会为属于其他用户的这个进程询问一次管理员密码。</translation>
    </message>
    <message>
        <source>%1 as administrator</source>
        <translation>以管理员身份%1</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>ProcPilot ran into a problem</source>
        <extracomment>Dialogs kept alive until closed (a QMessageBox without a parent has no owner).</extracomment>
        <translation>ProcPilot 遇到了问题</translation>
    </message>
    <message>
        <source>ProcPilot keeps running, but something did not work as it should. The details were written to:
%1
Please include that file in your report.</source>
        <translation>ProcPilot 仍在运行，但有些操作未能正常完成。详细信息已写入：
%1
报告问题时请附上该文件。</translation>
    </message>
    <message>
        <source>ProcPilot keeps running, but something did not work as it should. The details could not be written to a log file.</source>
        <translation>ProcPilot 仍在运行，但有些操作未能正常完成。详细信息未能写入日志文件。</translation>
    </message>
</context>
<context>
    <name>CriticalWording</name>
    <message>
        <source>PID 1 starts and looks after every other process: ending it shuts the system down</source>
        <extracomment>Marked for lupdate here (the context must be a literal), translated when shown.</extracomment>
        <translation>PID 1 负责启动并照管所有其他进程：结束它会关闭系统</translation>
    </message>
    <message>
        <source>it is the display server: ending it closes every window and may log you out</source>
        <translation>它是显示服务器：结束它会关闭所有窗口，并可能使您注销</translation>
    </message>
    <message>
        <source>it manages logins: ending it may log you or others out</source>
        <translation>它负责管理登录：结束它可能使您或其他用户注销</translation>
    </message>
    <message>
        <source>it is part of your desktop: ending it may log you out</source>
        <translation>它是桌面的一部分：结束它可能使您注销</translation>
    </message>
    <message>
        <source>Windows cannot run without it: ending it crashes Windows or logs you out</source>
        <translation>Windows 离不开它：结束它会导致 Windows 崩溃或使您注销</translation>
    </message>
</context>
<context>
    <name>DetailsCounts</name>
    <message numerus="yes">
        <source>%n minutes ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open files</source>
        <translation>
            <numerusform>%n 个打开的文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connections</source>
        <translation>
            <numerusform>%n 个连接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n variables</source>
        <translation>
            <numerusform>%n 个变量</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailsWindow</name>
    <message>
        <source>CPU %1 %</source>
        <extracomment>The second hairline&apos;s offset: the two read as one line about 1.6 px thick. How a series takes its value from a point (``None``: unknown, drawn as a gap).</extracomment>
        <translation>CPU %1%</translation>
    </message>
    <message>
        <source>Memory %1</source>
        <translation>内存 %1</translation>
    </message>
    <message>
        <source>now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>CPU and memory history</source>
        <translation>CPU 和内存历史</translation>
    </message>
    <message>
        <source>Collecting readings…</source>
        <translation>正在收集数据…</translation>
    </message>
    <message>
        <source>No readings: the process ended before any were taken.</source>
        <translation>无读数：进程在读取之前就已结束。</translation>
    </message>
    <message>
        <source>Resources</source>
        <extracomment>The box&apos;s rows, in order (a Priority change and disk columns reuse these words). As wide as the box&apos;s figures get (a disk total with its rate), with room to spare.</extracomment>
        <translation>资源</translation>
    </message>
    <message>
        <source>Open &amp;files</source>
        <extracomment>A value from the process (a path, an environment value) as a cell shows it.</extracomment>
        <translation>打开的文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>网络(&amp;N)</translation>
    </message>
    <message>
        <source>En&amp;vironment</source>
        <translation>环境变量(&amp;V)</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Descriptor</source>
        <translation>描述符</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Local address</source>
        <translation>本地地址</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>远程地址</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Needs administrator rights to read: the system shows this only to the process&apos;s owner.</source>
        <translation>需要管理员权限才能读取：系统只向进程的所有者显示此信息。</translation>
    </message>
    <message>
        <source>This system does not tell.</source>
        <translation>此系统不提供该信息。</translation>
    </message>
    <message>
        <source>The process has exited.</source>
        <translation>该进程已退出。</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>正在监听</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Search variables</source>
        <translation>搜索变量</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh %1</source>
        <translation>刷新 %1</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <extracomment>Paths and names as a field shows them (they come from the process: hostile data). A tab should be read (ProcessKey, Tab). The window was closed (ProcessKey). The windows the Windows field links to, in its order. Every field&apos;s value label, by field id.</extracomment>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Actions ▾</source>
        <translation>操作(&amp;A) ▾</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>End, suspend or signal this process</source>
        <translation>结束、暂停此进程或向它发送信号</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Click a title to switch to its window</source>
        <translation>点击标题即可切换到该窗口</translation>
    </message>
    <message>
        <source>&amp;Open file location</source>
        <translation>打开文件所在位置(&amp;O)</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>复制(&amp;Y)</translation>
    </message>
    <message>
        <source>Copy the command line</source>
        <translation>复制命令行</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>%1 (PID %2)</source>
        <translation>%1（PID %2）</translation>
    </message>
    <message>
        <source>Open the parent&apos;s details</source>
        <translation>打开父进程的详细信息</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>父进程</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用程序</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Executable</source>
        <translation>可执行文件</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>Control group</source>
        <translation>控制组</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Flatpak app</source>
        <translation>Flatpak 应用</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CPU time</source>
        <translation>CPU 时间</translation>
    </message>
    <message>
        <source>Memory (resident)</source>
        <translation>内存（常驻）</translation>
    </message>
    <message>
        <source>Memory (unique)</source>
        <translation>内存（独占）</translation>
    </message>
    <message>
        <source>Memory (proportional)</source>
        <translation>内存（按比例）</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Disk read</source>
        <translation>磁盘读取</translation>
    </message>
    <message>
        <source>Disk written</source>
        <translation>磁盘写入</translation>
    </message>
    <message>
        <source>Needs administrator rights to read</source>
        <translation>需要管理员权限才能读取</translation>
    </message>
    <message>
        <source>%1 (%2/s)</source>
        <translation>%1（%2/秒）</translation>
    </message>
    <message>
        <source>Idle</source>
        <extracomment>Nice values with a plain name, as the Change priority menu will offer them. psutil&apos;s Windows priority class constants.</extracomment>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Below normal</source>
        <translation>低于正常</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Above normal</source>
        <translation>高于正常</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Realtime</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Very high</source>
        <translation>非常高</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Very low</source>
        <translation>非常低</translation>
    </message>
    <message>
        <source>%1 (nice %2)</source>
        <translation>%1（nice %2）</translation>
    </message>
    <message>
        <source>%1 (PID %2, exited) — Properties</source>
        <translation>%1（PID %2，已退出）— 属性</translation>
    </message>
    <message>
        <source>%1 (PID %2) — Properties</source>
        <translation>%1（PID %2）— 属性</translation>
    </message>
    <message>
        <source>This process has exited (noticed at %1). What is shown is how it was last seen.</source>
        <translation>该进程已退出（发现于 %1）。此处显示的是它最后一次被看到时的状态。</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copies the selected rows as text, one line per process</source>
        <translation>将选中的行复制为文本，每个进程一行</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search by name, command line, user or PID  (Ctrl+F)</source>
        <extracomment>The search field&apos;s width in average characters: room for a few words, not the whole toolbar. Down in the search field: the user moves on to the list.</extracomment>
        <translation>按名称、命令行、用户或 PID 搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search processes</source>
        <translation>搜索进程</translation>
    </message>
    <message>
        <source>Shows only the processes whose name, command line, user or PID contains the text</source>
        <translation>只显示名称、命令行、用户或 PID 包含该文本的进程</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>所有用户</translation>
    </message>
    <message>
        <source>Only me</source>
        <translation>仅我自己</translation>
    </message>
    <message>
        <source>Show the processes of every user, or only yours</source>
        <translation>显示所有用户的进程，或仅显示您自己的进程</translation>
    </message>
    <message>
        <source>Whose processes</source>
        <translation>谁的进程</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <extracomment>Mnemonics for the languages&apos; own names (a CJK name takes its letter in parentheses).</extracomment>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Takes effect when ProcPilot restarts</source>
        <translation>重新启动 ProcPilot 后生效</translation>
    </message>
    <message>
        <source>&amp;System language (%1)</source>
        <translation>系统语言（%1）(&amp;S)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Find</source>
        <extracomment>Statuses of a process that has exited but is still listed until its parent reaps it. Emitted after each refresh was applied, with the number of processes listed. A StorageProblem, from whichever thread found it (queued to the UI thread). Updates held back while paused (exits are shown at once, greyed). The session&apos;s windows (titles, Switch to, polite close): opened by the first pass.</extracomment>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Process</source>
        <translation>进程(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>列(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ProcPilot</source>
        <translation>关于 ProcPilot(&amp;A)</translation>
    </message>
    <message>
        <source>Show &amp;kernel threads</source>
        <extracomment>Light or dark, as the system is or as the user chose (View → Theme).</extracomment>
        <translation>显示内核线程(&amp;K)</translation>
    </message>
    <message>
        <source>List the kernel&apos;s own threads under System processes in the Applications view</source>
        <translation>在“应用程序”视图的“系统进程”下列出内核自身的线程</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>立即刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Pa&amp;use updates</source>
        <translation>暂停更新(&amp;U)</translation>
    </message>
    <message>
        <source>Pause or resume live updates (Ctrl+P)</source>
        <translation>暂停或继续实时更新（Ctrl+P）</translation>
    </message>
    <message>
        <source>Update &amp;interval</source>
        <translation>更新间隔(&amp;I)</translation>
    </message>
    <message>
        <source>Settings cannot be saved: changes last until ProcPilot closes.</source>
        <translation>无法保存设置：更改仅在 ProcPilot 关闭前有效。</translation>
    </message>
    <message>
        <source>The log cannot be written: problems are not recorded.</source>
        <translation>无法写入日志：问题将不会被记录。</translation>
    </message>
    <message>
        <source>Could not read the process list: %1</source>
        <translation>无法读取进程列表：%1</translation>
    </message>
    <message>
        <source>Reading processes…</source>
        <translation>正在读取进程…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n processes shown</source>
        <translation>
            <numerusform>显示 %1 个进程，共 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation>CPU %1</translation>
    </message>
    <message>
        <source>CPU %1 %</source>
        <translation>CPU %1%</translation>
    </message>
    <message>
        <source>Memory %1 of %2</source>
        <translation>内存 %1 / %2</translation>
    </message>
    <message>
        <source>Res&amp;ume updates</source>
        <translation>继续更新(&amp;M)</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>About ProcPilot</source>
        <translation>关于 ProcPilot</translation>
    </message>
    <message>
        <source>See what runs on your computer and end misbehaving programs safely.</source>
        <translation>查看计算机上正在运行的程序，并安全地结束行为异常的程序。</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <extracomment>Qt&apos;s name for the toolbar&apos;s overflow button.</extracomment>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <extracomment>How much of the tint the background takes, in a light and in a dark scheme. The message shown went away (closed by the user, by its countdown, or by the app). How long a transient message stays, in milliseconds. The least time left after the pointer leaves the bar, so it does not vanish at once. Its buttons were replaced (the window puts them in its Tab order).</extracomment>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Hides this message</source>
        <translation>隐藏此消息</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>ProcessActions</name>
    <message>
        <source>Open the menu of the selected processes</source>
        <extracomment>What Del and Shift+Del do on an application&apos;s row. The right-click menu opened (True) or closed (False): the list holds still meanwhile. &quot;Properties…&quot; was chosen for a process (ProcessKey).</extracomment>
        <translation>打开所选进程的菜单</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Force quit automatically when End is &amp;ignored</source>
        <translation>“结束”无效时自动强制结束(&amp;I)</translation>
    </message>
    <message>
        <source>Wait before offering Force &amp;quit</source>
        <translation>提供“强制结束”前的等待时间(&amp;Q)</translation>
    </message>
    <message>
        <source>Ask before ending a&amp;gain</source>
        <translation>重新启用结束前的确认(&amp;G)</translation>
    </message>
</context>
<context>
    <name>ProcessCells</name>
    <message>
        <source>Needs administrator rights to read another user&apos;s disk activity</source>
        <extracomment>The status id of a process that exited while its row was kept (see ``keep_exited``). The row holds a status id there; the cell shows it as a word. The row holds a nice value there; on Windows the cell shows its class&apos;s name.</extracomment>
        <translation>需要管理员权限才能读取其他用户的磁盘活动</translation>
    </message>
    <message>
        <source>Windows:</source>
        <translation>窗口：</translation>
    </message>
</context>
<context>
    <name>ProcessMenu</name>
    <message>
        <source>&amp;Properties…</source>
        <extracomment>Group 1, at the top of the menu. Group 4, in the &quot;Advanced&quot; submenu, each entry with its meaning in its text. Group 2, in the &quot;As administrator&quot; submenu (then its own Send signal ▸). Entries named after what the user reads (the actions are named after their signals).</extracomment>
        <translation>属性(&amp;P)…</translation>
    </message>
    <message>
        <source>What the process is, what it holds open, how it behaved</source>
        <translation>进程是什么、打开了哪些资源、运行情况如何</translation>
    </message>
    <message>
        <source>As a&amp;dministrator</source>
        <translation>以管理员身份(&amp;D)</translation>
    </message>
    <message>
        <source>Send si&amp;gnal</source>
        <translation>发送信号(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Advanced</source>
        <translation>高级(&amp;A)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2) — %3</source>
        <translation>%1 (%2) — %3</translation>
    </message>
    <message>
        <source>&amp;High</source>
        <translation>高(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Above normal</source>
        <translation>高于普通(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Normal</source>
        <translation>普通(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Below normal</source>
        <translation>低于普通(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Idle</source>
        <translation>空闲(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Very high (nice -10)</source>
        <translation>很高(&amp;V)（nice -10）</translation>
    </message>
    <message>
        <source>&amp;High (nice -5)</source>
        <translation>高(&amp;H)（nice -5）</translation>
    </message>
    <message>
        <source>&amp;Normal (nice 0)</source>
        <translation>普通(&amp;N)（nice 0）</translation>
    </message>
    <message>
        <source>&amp;Low (nice 5)</source>
        <translation>低(&amp;L)（nice 5）</translation>
    </message>
    <message>
        <source>Very l&amp;ow (nice 10)</source>
        <translation>很低(&amp;O)（nice 10）</translation>
    </message>
</context>
<context>
    <name>ProcessView</name>
    <message>
        <source>Processes</source>
        <extracomment>What a row shows: a process, or a group of them (an application, a section). Held instead when ``key`` is a selected row that left the selection meanwhile. The selection changed, whichever model is shown. Another model is shown (the view switch). A window title (an app&apos;s or a process&apos;s Window title cell) was double-clicked: switch to it. A process row was double-clicked, or Enter was pressed on it: show its details (ProcessKey).</extracomment>
        <translation>进程</translation>
    </message>
    <message>
        <source>Del ends the selected processes, Shift+Del force quits them, the Menu key shows more</source>
        <translation>Del 结束所选进程，Shift+Del 强制结束它们，菜单键显示更多操作</translation>
    </message>
    <message>
        <source>Columns</source>
        <extracomment>The widths and columns the user chose, fitted to the view&apos;s width. The process under the pointer when a button went down (see ``mouseReleaseEvent``). Columns this OS cannot fill (the disk columns on macOS): never shown nor offered.</extracomment>
        <translation>列</translation>
    </message>
    <message>
        <source>&amp;Reset columns</source>
        <translation>重置列(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>process</source>
        <extracomment>First-strong isolate and its end: a right-to-left name stays one unit and cannot pull the quotes, the PID or the sentence around it into its direction.</extracomment>
        <translation>进程</translation>
    </message>
    <message>
        <source>“%1” (PID %2)</source>
        <translation>“%1”（PID %2）</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>其他 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1和%2</translation>
    </message>
    <message>
        <source>owned by %1: only %1 or an administrator can signal it</source>
        <translation>属于 %1：只有 %1 或管理员才能向它发送信号</translation>
    </message>
    <message>
        <source>not allowed: only its owner or an administrator can signal it</source>
        <translation>不允许：只有其所有者或管理员才能向它发送信号</translation>
    </message>
    <message>
        <source>owned by %1: only %1 or an administrator can suspend it</source>
        <translation>属于 %1：只有 %1 或管理员才能暂停它</translation>
    </message>
    <message>
        <source>not allowed: only its owner or an administrator can suspend it</source>
        <translation>不允许：只有其所有者或管理员才能暂停它</translation>
    </message>
    <message>
        <source>not allowed: raising a priority takes an administrator</source>
        <translation>不允许：提高优先级需要管理员权限</translation>
    </message>
    <message>
        <source>owned by %1: only %1 or an administrator can change its priority</source>
        <translation>属于 %1：只有 %1 或管理员可以更改其优先级</translation>
    </message>
    <message>
        <source>not allowed: only its owner or an administrator can change its priority</source>
        <translation>不允许：只有其所有者或管理员可以更改其优先级</translation>
    </message>
    <message>
        <source>owned by %1: only %1 or an administrator can resume it</source>
        <translation>属于 %1：只有 %1 或管理员才能让它继续运行</translation>
    </message>
    <message>
        <source>not allowed: only its owner or an administrator can resume it</source>
        <translation>不允许：只有其所有者或管理员才能让它继续运行</translation>
    </message>
    <message>
        <source>owned by %1: only %1 or an administrator can end it</source>
        <translation>属于 %1：只有 %1 或管理员才能结束它</translation>
    </message>
    <message>
        <source>not allowed: only its owner or an administrator can end it</source>
        <translation>不允许：只有其所有者或管理员才能结束它</translation>
    </message>
    <message>
        <source>hang-up signal (SIGHUP) sent</source>
        <translation>已发送挂断信号（SIGHUP）</translation>
    </message>
    <message>
        <source>interrupt signal (SIGINT) sent</source>
        <translation>已发送中断信号（SIGINT）</translation>
    </message>
    <message>
        <source>%1 (%2) sent</source>
        <translation>已发送 %1（%2）</translation>
    </message>
    <message>
        <source>failed unexpectedly: see the log</source>
        <translation>意外失败：请查看日志</translation>
    </message>
    <message>
        <source>could not be signalled: %1</source>
        <translation>无法发送信号：%1</translation>
    </message>
    <message>
        <source>the administrator helper refused the request: nothing was sent (the log has details)</source>
        <translation>管理员助手拒绝了该请求：未发送任何信号（详情见日志）</translation>
    </message>
    <message>
        <source>the administrator helper did not get administrator rights: nothing was sent</source>
        <translation>管理员助手未获得管理员权限：未发送任何信号</translation>
    </message>
    <message>
        <source>this system cannot check a process&apos;s identity as administrator (no pidfd): nothing was sent</source>
        <translation>此系统无法以管理员身份核对进程的身份（不支持 pidfd）：未发送任何信号</translation>
    </message>
    <message>
        <source>the administrator helper found its request file open to others: nothing was sent</source>
        <translation>管理员助手发现其请求文件可被他人访问：未发送任何信号</translation>
    </message>
    <message>
        <source>the administrator helper stopped answering: see the log for what it did</source>
        <translation>管理员助手停止了应答：它做了什么请查看日志</translation>
    </message>
    <message>
        <source>%1 could not start the administrator helper: nothing was sent (the log has details)</source>
        <translation>%1 无法启动管理员助手：未发送任何信号（详情见日志）</translation>
    </message>
    <message>
        <source>the administrator helper could not be started: nothing was sent (the log has details)</source>
        <translation>无法启动管理员助手：未发送任何信号（详情见日志）</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>closed when its window was asked to</source>
        <translation>其窗口收到关闭请求后已关闭</translation>
    </message>
    <message>
        <source>force quit</source>
        <translation>已强制结束</translation>
    </message>
    <message>
        <source>force quit: it was still running %1 s after End</source>
        <translation>已强制结束：“结束”%1 秒后它仍在运行</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>已恢复运行</translation>
    </message>
    <message>
        <source>suspend signal (SIGSTOP) sent, but it is not suspended yet</source>
        <translation>已发送暂停信号（SIGSTOP），但它尚未暂停</translation>
    </message>
    <message>
        <source>resume signal (SIGCONT) sent, but it has not resumed yet</source>
        <translation>已发送继续信号（SIGCONT），但它尚未继续运行</translation>
    </message>
    <message>
        <source>priority set to %1</source>
        <translation>优先级已设为%1</translation>
    </message>
    <message>
        <source>had already exited</source>
        <translation>早已退出</translation>
    </message>
    <message>
        <source>has already exited (zombie)</source>
        <translation>已经退出（僵尸进程）</translation>
    </message>
    <message>
        <source>has already exited (zombie); it stays listed until its parent, %1 (PID %2), collects it</source>
        <translation>已经退出（僵尸进程）；在其父进程 %1（PID %2）回收它之前，它会一直留在列表中</translation>
    </message>
    <message>
        <source>still running %1 s after End</source>
        <translation>“结束”%1 秒后仍在运行</translation>
    </message>
    <message>
        <source>still running after Force quit: it may be stuck waiting for a device</source>
        <translation>强制结束后仍在运行：它可能卡在等待设备上</translation>
    </message>
    <message>
        <source>suspended: it will end when it is resumed</source>
        <translation>已暂停：继续运行后才会结束</translation>
    </message>
    <message>
        <source>is asking a question in its window “%1”: nothing was sent while it waits for you</source>
        <translation>正在其窗口“%1”中提问：在它等待您回答期间未发送任何信号</translation>
    </message>
    <message>
        <source>left running: its app is asking a question in a window</source>
        <translation>保持运行：它的应用程序正在一个窗口中提问</translation>
    </message>
    <message>
        <source>access denied: run ProcPilot as administrator</source>
        <translation>访问被拒绝：请以管理员身份运行 ProcPilot</translation>
    </message>
    <message>
        <source>PID %1 now belongs to another process: nothing was sent</source>
        <translation>PID %1 现在属于另一个进程：未发送任何信号</translation>
    </message>
    <message>
        <source>is a kernel thread: the kernel does not let it be signalled</source>
        <translation>是内核线程：内核不允许向它发送信号</translation>
    </message>
    <message>
        <source>ProcPilot does not suspend or signal itself</source>
        <translation>ProcPilot 不会暂停自身，也不会向自身发送信号</translation>
    </message>
    <message>
        <source>its process group includes ProcPilot itself: end the processes one by one</source>
        <translation>其进程组包含 ProcPilot 本身：请逐个结束这些进程</translation>
    </message>
    <message>
        <source>not supported on this system</source>
        <translation>此系统不支持</translation>
    </message>
    <message>
        <source>ProcPilot closes itself</source>
        <translation>ProcPilot 将自行关闭</translation>
    </message>
    <message>
        <source>cancelled: the administrator password was not given</source>
        <translation>已取消：未提供管理员密码</translation>
    </message>
    <message>
        <source>not authorised: this account may not act as administrator</source>
        <translation>未获授权：此账户不能以管理员身份操作</translation>
    </message>
    <message>
        <source>pkexec is not installed: install the pkexec package to act as administrator</source>
        <translation>未安装 pkexec：请安装 pkexec 软件包以便以管理员身份操作</translation>
    </message>
    <message>
        <source>no password dialog: no authentication agent is running in this session (a desktop session starts one; pkexec cannot ask without it)</source>
        <translation>没有密码对话框：此会话中没有运行身份验证代理（桌面会话会启动一个；没有它 pkexec 无法询问密码）</translation>
    </message>
    <message>
        <source>is the system&apos;s first process (PID %1): ProcPilot never acts on it as administrator</source>
        <translation>是系统的第一个进程（PID %1）：ProcPilot 从不以管理员身份对它操作</translation>
    </message>
    <message>
        <source>not sent: at most %1 processes go to the administrator at once; Try as administrator again for the rest</source>
        <translation>未发送：一次最多交给管理员 %1 个进程；其余的请再次“以管理员身份重试”</translation>
    </message>
    <message>
        <source>is a thread, not a process: nothing was sent</source>
        <translation>是线程而不是进程：未发送任何信号</translation>
    </message>
    <message>
        <source>the administrator helper refused it: nothing was sent (the log has details)</source>
        <translation>管理员助手拒绝了它：未发送任何信号（详情见日志）</translation>
    </message>
    <message>
        <source>denied even to the administrator: the system protects it</source>
        <translation>即使管理员也被拒绝：系统保护着它</translation>
    </message>
    <message>
        <source>the system could not do it, even as administrator (%1; the log has details)</source>
        <translation>即使以管理员身份，系统也无法完成（%1；详情见日志）</translation>
    </message>
    <message numerus="yes">
        <source>%n ended</source>
        <translation>
            <numerusform>%n 个已结束</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n force quit</source>
        <translation>
            <numerusform>%n 个已强制结束</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suspended</source>
        <translation>
            <numerusform>%n 个已暂停</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n resumed</source>
        <translation>
            <numerusform>%n 个已恢复运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signalled</source>
        <translation>
            <numerusform>%n 个已发送信号</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n 个已更改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already exited</source>
        <translation>
            <numerusform>%n 个早已退出</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still running</source>
        <translation>
            <numerusform>%n 个仍在运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for your answer</source>
        <translation>
            <numerusform>%n 个在等待您的回答</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not allowed</source>
        <translation>
            <numerusform>%n 个不允许</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a reused PID</source>
        <translation>
            <numerusform>%n 个 PID 已被重用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not supported</source>
        <translation>
            <numerusform>%n 个不支持</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message>
        <source>1 process ended</source>
        <translation>1 个进程已结束</translation>
    </message>
    <message>
        <source>1 process force quit</source>
        <translation>1 个进程已强制结束</translation>
    </message>
    <message>
        <source>1 process suspended</source>
        <translation>1 个进程已暂停</translation>
    </message>
    <message>
        <source>1 process resumed</source>
        <translation>1 个进程已恢复运行</translation>
    </message>
    <message>
        <source>1 process signalled</source>
        <translation>1 个进程已收到信号</translation>
    </message>
    <message>
        <source>1 process changed</source>
        <translation>1 个进程已更改</translation>
    </message>
    <message>
        <source>1 process had already exited</source>
        <translation>1 个进程早已退出</translation>
    </message>
    <message>
        <source>1 process still running</source>
        <translation>1 个进程仍在运行</translation>
    </message>
    <message>
        <source>1 process waiting for your answer</source>
        <translation>1 个进程在等待您的回答</translation>
    </message>
    <message>
        <source>1 process not allowed</source>
        <translation>1 个进程不允许操作</translation>
    </message>
    <message>
        <source>1 process with a reused PID</source>
        <translation>1 个进程的 PID 已被重用</translation>
    </message>
    <message>
        <source>1 process not supported</source>
        <translation>1 个进程不支持</translation>
    </message>
    <message>
        <source>1 process failed</source>
        <translation>1 个进程失败</translation>
    </message>
    <message numerus="yes">
        <source>%n processes ended</source>
        <translation>
            <numerusform>%n 个进程已结束</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes force quit</source>
        <translation>
            <numerusform>%n 个进程已强制结束</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes suspended</source>
        <translation>
            <numerusform>%n 个进程已暂停</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes resumed</source>
        <translation>
            <numerusform>%n 个进程已恢复运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes signalled</source>
        <translation>
            <numerusform>%n 个进程已收到信号</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes changed</source>
        <translation>
            <numerusform>%n 个进程已更改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes had already exited</source>
        <translation>
            <numerusform>%n 个进程早已退出</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes still running</source>
        <translation>
            <numerusform>%n 个进程仍在运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes waiting for your answer</source>
        <translation>
            <numerusform>%n 个进程在等待您的回答</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes not allowed</source>
        <translation>
            <numerusform>%n 个进程不允许操作</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes with a reused PID</source>
        <translation>
            <numerusform>%n 个进程的 PID 已被重用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes not supported</source>
        <translation>
            <numerusform>%n 个进程不支持</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes failed</source>
        <translation>
            <numerusform>%n 个进程失败</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (PID %2): %3</source>
        <translation>%1（PID %2）：%3</translation>
    </message>
    <message numerus="yes">
        <source>%n processes: %1</source>
        <translation>
            <numerusform>%n 个进程：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no processes</source>
        <translation>%1：没有进程</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n new processes joined this group while it was being ended.</source>
        <translation>
            <numerusform>结束该进程组期间，又有 %n 个新进程加入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new processes started in this tree while it was being ended.</source>
        <translation>
            <numerusform>结束该进程树期间，其中又启动了 %n 个新进程。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %n child processes of the ended processes are still running.</source>
        <translation>
            <numerusform>已结束进程的子进程中，至少有 %n 个仍在运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>A child process of the ended processes is still running.</source>
        <translation>已结束进程的一个子进程仍在运行。</translation>
    </message>
    <message numerus="yes">
        <source>%n child processes of the ended processes are still running.</source>
        <translation>
            <numerusform>已结束进程的 %n 个子进程仍在运行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (PID %2) ended; at least %n of its child processes are still running.</source>
        <translation>
            <numerusform>%1（PID %2）已结束；它至少有 %n 个子进程仍在运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (PID %2) ended; its child process is still running.</source>
        <translation>%1（PID %2）已结束；它的子进程仍在运行。</translation>
    </message>
    <message numerus="yes">
        <source>%1 (PID %2) ended; its %n child processes are still running.</source>
        <translation>
            <numerusform>%1（PID %2）已结束；它的 %n 个子进程仍在运行。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>Signals</name>
    <message>
        <source>Hang up: many services reload their configuration</source>
        <translation>挂断：许多服务会重新加载配置</translation>
    </message>
    <message>
        <source>Interrupt, as Ctrl+C in a terminal</source>
        <translation>中断，相当于在终端中按 Ctrl+C</translation>
    </message>
    <message>
        <source>Quit and write a core dump, as Ctrl+\ in a terminal</source>
        <translation>退出并写入核心转储，相当于在终端中按 Ctrl+\</translation>
    </message>
    <message>
        <source>Illegal instruction</source>
        <translation>非法指令</translation>
    </message>
    <message>
        <source>Trace or breakpoint trap, for debuggers</source>
        <translation>跟踪或断点陷阱，供调试器使用</translation>
    </message>
    <message>
        <source>Abort and write a core dump</source>
        <translation>中止并写入核心转储</translation>
    </message>
    <message>
        <source>Bus error: bad memory access</source>
        <translation>总线错误：错误的内存访问</translation>
    </message>
    <message>
        <source>Arithmetic error</source>
        <translation>算术错误</translation>
    </message>
    <message>
        <source>Kill at once; cannot be caught or ignored</source>
        <translation>立即杀死；无法被捕获或忽略</translation>
    </message>
    <message>
        <source>User signal 1: its meaning depends on the program</source>
        <translation>用户信号 1：含义取决于程序</translation>
    </message>
    <message>
        <source>Segmentation fault: invalid memory access</source>
        <translation>段错误：无效的内存访问</translation>
    </message>
    <message>
        <source>User signal 2: its meaning depends on the program</source>
        <translation>用户信号 2：含义取决于程序</translation>
    </message>
    <message>
        <source>Broken pipe: write with no reader</source>
        <translation>管道破裂：写入时没有读取方</translation>
    </message>
    <message>
        <source>Timer alarm</source>
        <translation>计时器到时</translation>
    </message>
    <message>
        <source>Ask to end; the program can save its work first</source>
        <translation>请求结束；程序可以先保存工作</translation>
    </message>
    <message>
        <source>Coprocessor stack fault (unused)</source>
        <translation>协处理器栈错误（未使用）</translation>
    </message>
    <message>
        <source>A child process ended, was suspended or resumed</source>
        <translation>某个子进程已结束、暂停或继续</translation>
    </message>
    <message>
        <source>Resume if suspended</source>
        <translation>如已暂停则继续运行</translation>
    </message>
    <message>
        <source>Suspend; cannot be caught or ignored</source>
        <translation>暂停；无法被捕获或忽略</translation>
    </message>
    <message>
        <source>Suspend request, as Ctrl+Z in a terminal</source>
        <translation>暂停请求，相当于在终端中按 Ctrl+Z</translation>
    </message>
    <message>
        <source>Background process read from its terminal</source>
        <translation>后台进程从其终端读取</translation>
    </message>
    <message>
        <source>Background process wrote to its terminal</source>
        <translation>后台进程向其终端写入</translation>
    </message>
    <message>
        <source>Urgent data on a socket</source>
        <translation>套接字上有紧急数据</translation>
    </message>
    <message>
        <source>CPU time limit exceeded</source>
        <translation>超出 CPU 时间限制</translation>
    </message>
    <message>
        <source>File size limit exceeded</source>
        <translation>超出文件大小限制</translation>
    </message>
    <message>
        <source>Virtual timer alarm</source>
        <translation>虚拟计时器到时</translation>
    </message>
    <message>
        <source>Profiling timer alarm</source>
        <translation>性能分析计时器到时</translation>
    </message>
    <message>
        <source>Terminal window size changed</source>
        <translation>终端窗口大小已改变</translation>
    </message>
    <message>
        <source>Input or output is possible</source>
        <translation>可以进行输入或输出</translation>
    </message>
    <message>
        <source>Power failure</source>
        <translation>电源故障</translation>
    </message>
    <message>
        <source>Bad system call</source>
        <translation>错误的系统调用</translation>
    </message>
    <message>
        <source>Emulator trap</source>
        <translation>模拟器陷阱</translation>
    </message>
    <message>
        <source>Status request, as Ctrl+T in a terminal</source>
        <translation>状态请求，相当于在终端中按 Ctrl+T</translation>
    </message>
    <message>
        <source>First real-time signal: meaning depends on the program</source>
        <translation>第一个实时信号：含义取决于程序</translation>
    </message>
    <message>
        <source>Last real-time signal: meaning depends on the program</source>
        <translation>最后一个实时信号：含义取决于程序</translation>
    </message>
    <message>
        <source>Real-time signal: meaning depends on the program</source>
        <translation>实时信号：含义取决于程序</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Running</source>
        <extracomment>Translated words by status id, filled on first use (the table asks once per cell it writes).</extracomment>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Sleeping</source>
        <translation>睡眠中</translation>
    </message>
    <message>
        <source>Waiting (disk)</source>
        <translation>等待中（磁盘）</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Suspended (traced)</source>
        <translation>已暂停（被跟踪）</translation>
    </message>
    <message>
        <source>Zombie</source>
        <translation>僵尸</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>已死亡</translation>
    </message>
    <message>
        <source>Wake kill</source>
        <translation>唤醒终止</translation>
    </message>
    <message>
        <source>Waking</source>
        <translation>唤醒中</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Parked</source>
        <translation>已停放</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>已退出</translation>
    </message>
</context>
<context>
    <name>SwitchTo</name>
    <message>
        <source>S&amp;witch to</source>
        <translation>切换到(&amp;W)</translation>
    </message>
    <message>
        <source>Brings its window to the front</source>
        <translation>将其窗口切换到前台</translation>
    </message>
    <message>
        <source>Brings one of its windows to the front</source>
        <translation>将它的某个窗口切换到前台</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Could not switch to “%1”: the window has closed</source>
        <translation>无法切换到“%1”：该窗口已关闭</translation>
    </message>
    <message>
        <source>Could not switch to “%1”: it is not shown, and no window manager runs to show it</source>
        <translation>无法切换到“%1”：该窗口未显示，且没有可以显示它的窗口管理器在运行</translation>
    </message>
    <message>
        <source>Could not switch to “%1”: the system kept another window in front; its taskbar button flashes instead</source>
        <translation>无法切换到“%1”：系统让另一个窗口保持在前台；改为闪烁其任务栏按钮</translation>
    </message>
    <message>
        <source>Could not switch to “%1”: ProcPilot cannot reach the display&apos;s windows</source>
        <translation>无法切换到“%1”：ProcPilot 无法访问显示器上的窗口</translation>
    </message>
</context>
<context>
    <name>SystemErrors</name>
    <message>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>no such process</source>
        <translation>进程不存在</translation>
    </message>
    <message>
        <source>too many open files</source>
        <translation>打开的文件过多</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>system error %1</source>
        <translation>系统错误 %1</translation>
    </message>
    <message>
        <source>an unexpected error (details are in the log)</source>
        <translation>意外错误（详情见日志）</translation>
    </message>
</context>
<context>
    <name>Terminal</name>
    <message>
        <source>ProcPilot needs a graphical desktop: neither DISPLAY nor WAYLAND_DISPLAY is set. Start it from your desktop session.</source>
        <translation>ProcPilot 需要图形桌面：DISPLAY 和 WAYLAND_DISPLAY 均未设置。请在桌面会话中启动它。</translation>
    </message>
    <message>
        <source>not a number of seconds: %1</source>
        <translation>不是有效的秒数：%1</translation>
    </message>
    <message>
        <source>must be between %1 and %2 seconds, got %3</source>
        <translation>必须介于 %1 到 %2 秒之间，实际为 %3</translation>
    </message>
    <message>
        <source>usage: </source>
        <extracomment>Closing punctuation, which Chinese typesetting never puts at the start of a line.</extracomment>
        <translation>用法：</translation>
    </message>
    <message>
        <source>%1: error: %2</source>
        <translation>%1：错误：%2</translation>
    </message>
    <message>
        <source>expected a value</source>
        <translation>缺少取值</translation>
    </message>
    <message>
        <source>takes no value, got %1</source>
        <translation>不接受取值，实际为 %1</translation>
    </message>
    <message>
        <source>ProcPilot: see what runs on your computer and end misbehaving programs safely.</source>
        <translation>ProcPilot：查看计算机上正在运行的程序，并安全地结束行为异常的程序。</translation>
    </message>
    <message>
        <source>Qt&apos;s standard options are accepted too, e.g. -style fusion, -platform offscreen, -reverse.</source>
        <translation>也接受 Qt 的标准选项，例如 -style fusion、-platform offscreen、-reverse。</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>show the version number and exit</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>refresh interval, %1-%2 s (default: the saved setting, 1.5 s)</source>
        <translation>刷新间隔，%1-%2 秒（默认：已保存的设置，1.5 秒）</translation>
    </message>
    <message>
        <source>start, wait for the first process list, print one line and exit (for install checks)</source>
        <translation>启动后读取一次进程列表，输出一行即退出（用于检查安装）</translation>
    </message>
    <message>
        <source>argument %1: %2</source>
        <translation>参数 %1：%2</translation>
    </message>
    <message>
        <source>unrecognized arguments: %1</source>
        <translation>无法识别的参数：%1</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Light or dark as the desktop is, following it when it changes</source>
        <translation>与桌面一致使用浅色或深色，并随桌面的更改而切换</translation>
    </message>
    <message>
        <source>Always light</source>
        <translation>始终使用浅色</translation>
    </message>
    <message>
        <source>Always dark</source>
        <translation>始终使用深色</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>主题(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>&amp;Applications</source>
        <translation>应用程序(&amp;A)</translation>
    </message>
    <message>
        <source>All &amp;processes</source>
        <translation>所有进程(&amp;P)</translation>
    </message>
    <message>
        <source>Process &amp;tree</source>
        <translation>进程树(&amp;T)</translation>
    </message>
    <message>
        <source>One row per application, then background and system processes</source>
        <translation>每个应用程序一行，其后是后台进程和系统进程</translation>
    </message>
    <message>
        <source>Every process in one list</source>
        <translation>所有进程显示在一个列表中</translation>
    </message>
    <message>
        <source>Each process under the one that started it</source>
        <translation>每个进程显示在启动它的进程之下</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
</TS>
