<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptanceForm</name>
    <message>
        <location filename="../../app/views/stage_forms.py" line="247" />
        <source>Acceptance</source>
        <translation>验收</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="248" />
        <source>The owner checks the repair, signs and scores it. A failed acceptance goes back to repair as rework.</source>
        <translation>业主检查维修结果，签名并评分。验收不通过的，退回维修实施并计为返修。</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="253" />
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="255" />
        <source>Failed</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="261" />
        <source>Result</source>
        <translation>验收结果</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="262" />
        <source>Signed by</source>
        <translation>签名人</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="262" />
        <source>the owner's name</source>
        <translation>业主姓名</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="271" />
        <source>Attach scanned signed form…</source>
        <translation>附加已签字的确认单扫描件…</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="285" />
        <source>Owner's signature</source>
        <translation>业主签名</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="289" />
        <source>Scanned signed form</source>
        <translation>已签字确认单的扫描件</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="290" />
        <source>Images and PDF (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>图片和 PDF (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="301" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="302" />
        <source>Owner's comment</source>
        <translation>业主意见</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="303" />
        <source>Why it failed</source>
        <translation>不通过原因</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="312" />
        <source>Acceptance passed</source>
        <translation>验收通过</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="313" />
        <source>Acceptance failed: back to repair</source>
        <translation>验收不通过，返修</translation>
    </message>
</context>
<context>
    <name>ActionKind</name>
    <message>
        <location filename="../../app/views/retro_labels.py" line="78" />
        <source>Corrective</source>
        <translation>纠正</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="79" />
        <source>Preventive</source>
        <translation>预防</translation>
    </message>
</context>
<context>
    <name>ActionStatus</name>
    <message>
        <location filename="../../app/views/retro_labels.py" line="84" />
        <source>Not started</source>
        <translation>待开始</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="85" />
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="86" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="87" />
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="88" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>ActionTable</name>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="273" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="273" />
        <source>Action</source>
        <translation>措施内容</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="273" />
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="273" />
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="274" />
        <source>Due</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="274" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="274" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="274" />
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="308" />
        <source>What will be done</source>
        <translation>要做什么</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="315" />
        <source>(no longer available)</source>
        <translation>（已不可选）</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="331" />
        <source>Result, or why cancelled</source>
        <translation>完成情况或取消原因</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="356" />
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="411" />
        <source>%1 is not a file</source>
        <translation>%1 不是文件</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="423" />
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="424" />
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="432" />
        <source>Files (%1)…</source>
        <translation>文件（%1）…</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="432" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="433" />
        <source>%1 (not saved yet)</source>
        <translation>%1（尚未保存）</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="435" />
        <source>Add evidence files (or drop files on this row)</source>
        <translation>添加证据文件（或把文件拖到这一行）</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="458" />
        <source>Drop the files on the row of the action they prove.</source>
        <translation>请把文件拖到它所证明的那条措施所在的行。</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../app/views/assign_dialog.py" line="52" />
        <source>Assign responsible owner</source>
        <translation>指派责任人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/assign_dialog.py" line="57" />
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 等，另有 %n 张</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/assign_dialog.py" line="59" />
        <source>Assign %n ticket(s) to one responsible owner:</source>
        <translation>
            <numerusform>将 %n 张报修单指派给一名责任人：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/assign_dialog.py" line="66" />
        <source>Filter by name, role or unit</source>
        <translation>按姓名、角色或单位筛选</translation>
    </message>
    <message>
        <location filename="../../app/views/assign_dialog.py" line="74" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/views/assign_dialog.py" line="74" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/views/assign_dialog.py" line="74" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../app/views/assign_dialog.py" line="74" />
        <source>Open tickets</source>
        <translation>在办单数</translation>
    </message>
    <message>
        <location filename="../../app/views/assign_dialog.py" line="90" />
        <source>Reason (needed when replacing an owner)</source>
        <translation>原因（更换责任人时必填）</translation>
    </message>
    <message>
        <location filename="../../app/views/assign_dialog.py" line="99" />
        <location filename="../../app/views/assign_dialog.py" line="145" />
        <source>Assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <location filename="../../app/views/assign_dialog.py" line="110" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/views/assign_dialog.py" line="145" />
        <source>Assigning…</source>
        <translation>正在指派…</translation>
    </message>
</context>
<context>
    <name>AssignmentForm</name>
    <message>
        <location filename="../../app/views/stage_forms.py" line="51" />
        <location filename="../../app/views/stage_forms.py" line="54" />
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="52" />
        <source>One responsible owner from intake to acceptance; a change of owner needs a reason.</source>
        <translation>谁接单、谁负责、谁验收：从受理到验收只有一位责任人；更换责任人须填写原因。</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="54" />
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="55" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="55" />
        <source>e.g. on leave, closer to site</source>
        <translation>如：休假、离现场更近</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="56" />
        <source>Assign</source>
        <translation>派单</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="57" />
        <source>Take ticket</source>
        <translation>接单</translation>
    </message>
</context>
<context>
    <name>AttachmentGallery</name>
    <message>
        <location filename="../../app/views/attachment_gallery.py" line="249" />
        <location filename="../../app/views/attachment_gallery.py" line="593" />
        <source>File damaged or missing</source>
        <translation>文件损坏/缺失</translation>
    </message>
    <message>
        <location filename="../../app/views/attachment_gallery.py" line="258" />
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../app/views/attachment_gallery.py" line="276" />
        <source>No preview</source>
        <translation>无法预览</translation>
    </message>
    <message>
        <location filename="../../app/views/attachment_gallery.py" line="441" />
        <source>None yet</source>
        <translation>暂无</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/attachment_gallery.py" line="533" />
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>共 %n 个附件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/attachment_gallery.py" line="533" />
        <source>No attachments yet</source>
        <translation>暂无附件</translation>
    </message>
    <message>
        <location filename="../../app/views/attachment_gallery.py" line="581" />
        <source>(no name)</source>
        <translation>（无文件名）</translation>
    </message>
    <message>
        <location filename="../../app/views/attachment_gallery.py" line="584" />
        <source>File damaged or missing: the stored file is gone or no longer matches its fingerprint.</source>
        <translation>文件损坏/缺失：存储的文件已丢失，或内容与记录的哈希值不符。</translation>
    </message>
    <message>
        <location filename="../../app/views/attachment_gallery.py" line="587" />
        <source>Double-click to play in the system player</source>
        <translation>双击用系统播放器播放</translation>
    </message>
    <message>
        <location filename="../../app/views/attachment_gallery.py" line="589" />
        <source>Double-click to view full size</source>
        <translation>双击查看大图</translation>
    </message>
    <message>
        <location filename="../../app/views/attachment_gallery.py" line="602" />
        <source>View full size</source>
        <translation>查看大图</translation>
    </message>
    <message>
        <location filename="../../app/views/attachment_gallery.py" line="604" />
        <source>Open with system program</source>
        <translation>用系统程序打开</translation>
    </message>
</context>
<context>
    <name>AttendeeRole</name>
    <message>
        <location filename="../../app/views/retro_labels.py" line="67" />
        <source>Construction</source>
        <translation>施工</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="68" />
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="69" />
        <source>Subcontractor</source>
        <translation>分包</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="70" />
        <source>Supervision</source>
        <translation>监理</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="71" />
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="72" />
        <source>Property management</source>
        <translation>物业</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="73" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>BatchExportProgress</name>
    <message>
        <location filename="../../app/views/batch_export_dialog.py" line="15" />
        <source>Exporting forms</source>
        <translation>批量导出表单</translation>
    </message>
    <message>
        <location filename="../../app/views/batch_export_dialog.py" line="16" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/views/batch_export_dialog.py" line="29" />
        <source>%1 of %2 forms written</source>
        <translation>已导出 %1 / %2 份</translation>
    </message>
    <message>
        <location filename="../../app/views/batch_export_dialog.py" line="31" />
        <source>Current ticket: %1</source>
        <translation>当前报修单：%1</translation>
    </message>
</context>
<context>
    <name>BuildingPart</name>
    <message>
        <location filename="../../app/views/labels.py" line="53" />
        <source>Foundation and main structure</source>
        <translation>地基基础和主体结构</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="54" />
        <source>Roof waterproofing</source>
        <translation>屋面防水工程</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="55" />
        <source>Bathroom and room leak-proofing</source>
        <translation>卫生间、房间防渗漏</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="56" />
        <source>Exterior wall leak-proofing</source>
        <translation>外墙面防渗漏</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="57" />
        <source>Heating and cooling system</source>
        <translation>供热与供冷系统</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="58" />
        <source>Electrical lines</source>
        <translation>电气管线</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="59" />
        <source>Water supply and drainage pipes</source>
        <translation>给排水管道</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="60" />
        <source>Equipment installation</source>
        <translation>设备安装工程</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="61" />
        <source>Decoration</source>
        <translation>装修工程</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="62" />
        <source>Other parts</source>
        <translation>其他部位</translation>
    </message>
</context>
<context>
    <name>BulkLocationDialog</name>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="59" />
        <source>Create places from a pattern</source>
        <translation>按模式批量生成位置</translation>
    </message>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="67" />
        <source>Levels separated by commas, from the top down. Examples:
  1-18栋, 1-2单元, 1-33层, 01-04室   (rooms are numbered with their floor: 1502室)
  主线/辅路, K0+000-K3+000@100   (road sections and chainages every 100 m)
  给排水系统/电气系统, 1-4号水泵   (systems and their equipment)
Places that already exist are kept and skipped.</source>
        <translation>从上到下逐级填写，各级之间用逗号分隔。例如：
  1-18栋, 1-2单元, 1-33层, 01-04室   （房间号带楼层：1502室）
  主线/辅路, K0+000-K3+000@100   （路段及每 100 米一个桩号）
  给排水系统/电气系统, 1-4号水泵   （系统及其设备）
已存在的位置保留不动，自动跳过。</translation>
    </message>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="81" />
        <source>Create</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="86" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="117" />
        <source>Creating…</source>
        <translation>正在生成…</translation>
    </message>
</context>
<context>
    <name>CaseLibraryController</name>
    <message>
        <location filename="../../app/controllers/case_library_controller.py" line="108" />
        <source>The database could not be read: %1</source>
        <translation>无法读取数据库：%1</translation>
    </message>
    <message>
        <location filename="../../app/controllers/case_library_controller.py" line="196" />
        <source>Published as typical case %1</source>
        <translation>已发布为典型案例 %1</translation>
    </message>
</context>
<context>
    <name>CaseLibraryPage</name>
    <message>
        <location filename="../../app/views/case_library_page.py" line="56" />
        <source>Knowledge base</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="59" />
        <source>Typical cases</source>
        <translation>典型案例</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="77" />
        <source>Search cases: e.g. 渗水, 开裂 (two characters are enough; words separated by spaces)</source>
        <translation>搜索案例：如 渗水、开裂（两个字即可，多个词用空格分开）</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="82" />
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="94" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="94" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="94" />
        <source>Defect category</source>
        <translation>缺陷类别</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="94" />
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="95" />
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="146" />
        <source>Same category as the ticket: %1</source>
        <translation>与报修单同类：%1</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="165" />
        <source>%1 cases</source>
        <translation>%1 个案例</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="182" />
        <source>Choose a case</source>
        <translation>请选择一个案例</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="194" />
        <source>From the retrospective meeting %1</source>
        <translation>来自专项复盘会议 %1</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="198" />
        <source>published %1 by %2</source>
        <translation>%1 由%2发布</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="202" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="202" />
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="203" />
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="217" />
        <source>(no preview)</source>
        <translation>（无法预览）</translation>
    </message>
</context>
<context>
    <name>Cause</name>
    <message>
        <location filename="../../app/views/labels.py" line="91" />
        <source>Construction defect</source>
        <translation>施工质量缺陷</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="92" />
        <source>Improper use</source>
        <translation>使用不当</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="93" />
        <source>Third party</source>
        <translation>第三方原因</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="94" />
        <source>Design</source>
        <translation>设计原因</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="95" />
        <source>Material or equipment</source>
        <translation>材料设备</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="96" />
        <source>Force majeure</source>
        <translation>不可抗力</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../app/views/labels.py" line="83" />
        <source>Phone hotline</source>
        <translation>电话热线</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="84" />
        <source>WeChat mini program</source>
        <translation>微信小程序</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="85" />
        <source>App</source>
        <translation>APP</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="86" />
        <source>Registered on site</source>
        <translation>现场登记</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="87" />
        <source>Bulk import</source>
        <translation>批量导入</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../app/views/chart_view.py" line="91" />
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <location filename="../../app/views/chart_view.py" line="91" />
        <location filename="../../app/views/chart_view.py" line="101" />
        <source>Save as PNG…</source>
        <translation>保存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../app/views/chart_view.py" line="93" />
        <source>SVG</source>
        <translation>SVG</translation>
    </message>
    <message>
        <location filename="../../app/views/chart_view.py" line="93" />
        <location filename="../../app/views/chart_view.py" line="102" />
        <source>Save as SVG…</source>
        <translation>保存为 SVG…</translation>
    </message>
    <message>
        <location filename="../../app/views/chart_view.py" line="95" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../app/views/chart_view.py" line="95" />
        <location filename="../../app/views/chart_view.py" line="103" />
        <source>Copy to clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../app/views/chart_view.py" line="244" />
        <source>Save chart as PNG</source>
        <translation>将图表保存为 PNG</translation>
    </message>
    <message>
        <location filename="../../app/views/chart_view.py" line="244" />
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../app/views/chart_view.py" line="249" />
        <source>Save chart as SVG</source>
        <translation>将图表保存为 SVG</translation>
    </message>
    <message>
        <location filename="../../app/views/chart_view.py" line="249" />
        <source>SVG image (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
</context>
<context>
    <name>ConflictsController</name>
    <message>
        <location filename="../../app/controllers/conflicts_controller.py" line="79" />
        <source>The conflicts cannot be read: %1</source>
        <translation>无法读取冲突记录：%1</translation>
    </message>
    <message>
        <location filename="../../app/controllers/conflicts_controller.py" line="102" />
        <source>Nothing was changed: %1</source>
        <translation>未做任何修改：%1</translation>
    </message>
    <message>
        <location filename="../../app/controllers/conflicts_controller.py" line="113" />
        <source>The record will be restored with the kept change</source>
        <translation>该记录将连同保留的修改一起恢复</translation>
    </message>
    <message>
        <location filename="../../app/controllers/conflicts_controller.py" line="115" />
        <source>Kept my value</source>
        <translation>已保留我的值</translation>
    </message>
    <message>
        <location filename="../../app/controllers/conflicts_controller.py" line="115" />
        <source>Kept their value</source>
        <translation>已保留对方的值</translation>
    </message>
    <message>
        <location filename="../../app/controllers/conflicts_controller.py" line="117" />
        <source>%1 (conflicts: %2). Every computer receives it at its next sync.</source>
        <translation>%1（%2 条冲突）。各台电脑下次同步时都会收到。</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="55" />
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="58" />
        <source>When the same field was changed on two computers, the later change is in use and the other value is kept here. Keeping a value is itself a new change that every computer receives at its next sync.</source>
        <translation>两台电脑修改了同一字段时，较晚的修改生效，另一个值保存在这里。选择保留某个值本身就是一次新的修改，各台电脑下次同步时都会收到。</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="65" />
        <location filename="../../app/views/conflicts_page.py" line="265" />
        <source>Open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="66" />
        <location filename="../../app/views/conflicts_page.py" line="276" />
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="67" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="70" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="76" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="76" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="76" />
        <location filename="../../app/views/conflicts_page.py" line="98" />
        <location filename="../../app/views/conflicts_page.py" line="241" />
        <source>My value</source>
        <translation>我的值</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="76" />
        <source>Changed here</source>
        <translation>本机修改</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="77" />
        <location filename="../../app/views/conflicts_page.py" line="99" />
        <location filename="../../app/views/conflicts_page.py" line="242" />
        <source>Their value</source>
        <translation>对方的值</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="77" />
        <source>Changed there</source>
        <translation>对方修改</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="77" />
        <source>In use</source>
        <translation>当前生效</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="78" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="100" />
        <location filename="../../app/views/conflicts_page.py" line="251" />
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="101" />
        <location filename="../../app/views/conflicts_page.py" line="251" />
        <source>Keep theirs</source>
        <translation>保留对方的</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="164" />
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="164" />
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="185" />
        <source>%1 conflicts</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="190" />
        <source>No open conflicts: every change merged cleanly.</source>
        <translation>没有未解决的冲突：所有修改都已顺利合并。</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="191" />
        <source>No resolved conflicts yet.</source>
        <translation>还没有已解决的冲突。</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="192" />
        <source>No conflicts.</source>
        <translation>没有冲突。</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="214" />
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="218" />
        <source>Reading the conflicts…</source>
        <translation>正在读取冲突记录…</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="236" />
        <source>My value — %1, %2</source>
        <translation>我的值——%1，%2</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="238" />
        <source>Their value — %1, %2</source>
        <translation>对方的值——%1，%2</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="253" />
        <source>Restore this record</source>
        <translation>恢复此记录</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="254" />
        <source>Accept the deletion</source>
        <translation>接受删除</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="268" />
        <source>Resolved on %1: kept %2</source>
        <translation>已在 %1 上处理：保留了%2</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="271" />
        <source>Record restored</source>
        <translation>已恢复记录</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="273" />
        <source>Kept mine</source>
        <translation>已保留我的</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="275" />
        <source>Kept theirs</source>
        <translation>已保留对方的</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="280" />
        <source>the record (restored)</source>
        <translation>该记录（已恢复）</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="282" />
        <source>mine</source>
        <translation>我的值</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="282" />
        <source>theirs</source>
        <translation>对方的值</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="288" />
        <source> Decided by %1.</source>
        <translation>处理人：%1。</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="294" />
        <source>Resolved on %1: kept %2 (%3). This computer follows that choice.</source>
        <translation>已在 %1 上处理：保留了%2（%3）。本机按该处理结果同步。</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="297" />
        <source>Restored here (%1): the record comes back on every computer at its next sync.</source>
        <translation>已在本机选择恢复（%1）：各台电脑（包括本机）下次同步时都会重新出现该记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts_page.py" line="299" />
        <source>Resolved here (%1): kept %2.</source>
        <translation>已在本机处理（%1）：保留了%2。</translation>
    </message>
</context>
<context>
    <name>Coverage</name>
    <message>
        <location filename="../../app/views/labels.py" line="100" />
        <source>Within warranty</source>
        <translation>在保修期内</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="101" />
        <source>Warranty expired</source>
        <translation>已过保修期</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="102" />
        <source>Needs expert judgement</source>
        <translation>需专业研判</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="103" />
        <source>Not covered by warranty</source>
        <translation>不属保修范围</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../app/views/customers_page.py" line="110" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="115" />
        <source>Search name, phone or unit (e.g. 1502)  (Ctrl+F)</source>
        <translation>搜索姓名、电话或房屋（如 1502）  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="119" />
        <location filename="../../app/views/customers_page.py" line="190" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="119" />
        <location filename="../../app/views/customers_page.py" line="191" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="119" />
        <source>Units</source>
        <translation>名下房屋</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="132" />
        <source>New customer (Ctrl+Shift+N)</source>
        <translation>新建客户 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="176" />
        <source>Customer</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="182" />
        <source>Mobile 13912345678 or landline 0531-88886666</source>
        <translation>手机 13912345678 或固定电话 0531-88886666</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="185" />
        <source>e.g. 工作日晚上联系</source>
        <translation>如：工作日晚上联系</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="192" />
        <source>Second phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="193" />
        <source>Preferences</source>
        <translation>联系偏好</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="194" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="209" />
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="209" />
        <source>Owned since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="218" />
        <source>Add unit…</source>
        <translation>添加房屋…</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="220" />
        <source>Remove unsaved unit</source>
        <translation>移除未保存的房屋</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="231" />
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="232" />
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="245" />
        <source>Units owned (never removed once saved)</source>
        <translation>名下房屋（保存后不会删除）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/customers_page.py" line="277" />
        <source>%n customer(s) shown</source>
        <translation>
            <numerusform>显示 %n 位客户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="317" />
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="377" />
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="401" />
        <source>This customer</source>
        <translation>该客户</translation>
    </message>
</context>
<context>
    <name>DashboardController</name>
    <message>
        <location filename="../../app/controllers/dashboard_controller.py" line="153" />
        <source>%1 · %2 · updated at %3 (%4 s)</source>
        <translation>%1 · %2 · %3 更新（用时 %4 秒）</translation>
    </message>
    <message>
        <location filename="../../app/controllers/dashboard_controller.py" line="213" />
        <source>received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../app/controllers/dashboard_controller.py" line="214" />
        <source>closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../app/controllers/dashboard_controller.py" line="215" />
        <source>%1-%2 %3</source>
        <translation>%1年%2月%3</translation>
    </message>
    <message>
        <location filename="../../app/controllers/dashboard_controller.py" line="224" />
        <source>within the SLA</source>
        <translation>按时</translation>
    </message>
    <message>
        <location filename="../../app/controllers/dashboard_controller.py" line="224" />
        <source>late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../app/controllers/dashboard_controller.py" line="225" />
        <source>response</source>
        <translation>响应</translation>
    </message>
    <message>
        <location filename="../../app/controllers/dashboard_controller.py" line="225" />
        <source>repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../app/controllers/dashboard_controller.py" line="228" />
        <source>score %1</source>
        <translation>%1分</translation>
    </message>
    <message>
        <location filename="../../app/controllers/dashboard_controller.py" line="229" />
        <source>no score</source>
        <translation>未评分</translation>
    </message>
    <message>
        <location filename="../../app/controllers/dashboard_controller.py" line="233" />
        <source>open %1, overdue</source>
        <translation>未结 %1（超时）</translation>
    </message>
    <message>
        <location filename="../../app/controllers/dashboard_controller.py" line="233" />
        <source>open %1, not overdue</source>
        <translation>未结 %1（未超时）</translation>
    </message>
    <message>
        <location filename="../../app/controllers/dashboard_controller.py" line="234" />
        <source>open %1</source>
        <translation>未结 %1</translation>
    </message>
    <message>
        <location filename="../../app/controllers/dashboard_controller.py" line="242" />
        <source>The dashboard could not be read: %1</source>
        <translation>无法读取工作台数据：%1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="38" />
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="39" />
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="40" />
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="41" />
        <source>Custom range</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="45" />
        <source>Buildings × floors</source>
        <translation>楼栋 × 楼层</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="46" />
        <source>Plant buildings × systems</source>
        <translation>厂房 × 系统</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="47" />
        <source>Sections × defect categories</source>
        <translation>路段 × 缺陷类别</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="48" />
        <source>Systems × defect categories</source>
        <translation>系统 × 缺陷类别</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="51" />
        <source>0–7 days</source>
        <translation>0–7天</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="52" />
        <source>8–14 days</source>
        <translation>8–14天</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="53" />
        <source>15–30 days</source>
        <translation>15–30天</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="54" />
        <source>Over 30 days</source>
        <translation>30天以上</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="58" />
        <source>On-time completion</source>
        <translation>按时完工率</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="59" />
        <source>Rework rate</source>
        <translation>返修率</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="60" />
        <source>First-time fix</source>
        <translation>一次修复率</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="61" />
        <source>Mean satisfaction</source>
        <translation>平均满意度</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="62" />
        <source>Complaints</source>
        <translation>投诉数</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="63" />
        <source>Overdue follow-ups</source>
        <translation>回访超期</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="64" />
        <source>Overdue actions</source>
        <translation>整改措施超期</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="151" />
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="161" />
        <source>Previous period</source>
        <translation>上一期</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="165" />
        <source>Next period</source>
        <translation>下一期</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="178" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="184" />
        <source>All projects</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="185" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="194" />
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="203" />
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="218" />
        <source>Accepted tickets whose follow-up visit is past its day and not done; click to list them</source>
        <translation>已验收、回访日期已过仍未回访的报修单；点击查看清单</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="222" />
        <source>Received and closed per month</source>
        <translation>每月受理与办结（虚线为去年同期）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="223" />
        <source>Defect categories (Pareto)</source>
        <translation>缺陷类别排列图（帕累托）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="224" />
        <location filename="../../app/views/dashboard_page.py" line="593" />
        <source>High-incidence locations</source>
        <translation>高发部位</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="229" />
        <source>Response time against the SLA</source>
        <translation>响应时长分布（对照时限）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="231" />
        <source>Repair time against the SLA</source>
        <translation>维修时长分布（对照时限）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="232" />
        <source>Owner satisfaction</source>
        <translation>业主满意度分布</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="234" />
        <source>Open tickets by age</source>
        <translation>未结报修单账龄</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="340" />
        <source>Year %1</source>
        <translation>%1年</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="342" />
        <source>Q%2 %1</source>
        <translation>%1年第%2季度</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="345" />
        <source>%2/%1</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="347" />
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="385" />
        <source>Department: %1</source>
        <translation>项目部：%1</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="390" />
        <source>Project: %1</source>
        <translation>项目：%1</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="410" />
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="436" />
        <source>Hours from report to response</source>
        <translation>报修至接单响应（小时）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="438" />
        <source>Days from report to completion</source>
        <translation>报修至完工报验（天）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="445" />
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/dashboard_page.py" line="458" />
        <source>%n rated</source>
        <translation>
            <numerusform>%n 单已评分</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="461" />
        <source>%1 low · %2 failed · %3 reopened</source>
        <translation>低分 %1 · 不通过 %2 · 重开 %3</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="466" />
        <source>Click to list</source>
        <translation>点击查看清单</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="485" />
        <source>M%1</source>
        <translation>%1月</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="491" />
        <location filename="../../app/views/dashboard_page.py" line="531" />
        <location filename="../../app/views/dashboard_page.py" line="662" />
        <source>No data in this period</source>
        <translation>本期无数据</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="498" />
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="499" />
        <source>Closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="507" />
        <source>Received a year before</source>
        <translation>去年同期受理</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="509" />
        <source>Closed a year before</source>
        <translation>去年同期办结</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="522" />
        <location filename="../../app/views/dashboard_page.py" line="553" />
        <location filename="../../app/views/dashboard_page.py" line="628" />
        <location filename="../../app/views/dashboard_page.py" line="679" />
        <source>Tickets</source>
        <translation>报修单数</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="540" />
        <source>Others</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="561" />
        <source>Cumulative share</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="594" />
        <source>No located tickets in this period</source>
        <translation>本期没有定位到部位的报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="596" />
        <source>High-incidence locations: %1</source>
        <translation>高发部位：%1</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="616" />
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="630" />
        <source>The busiest %1 shown; %2 more places with %3 tickets</source>
        <translation>显示最多的 %1 处；另有 %2 处共 %3 单</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="669" />
        <source>Within the SLA</source>
        <translation>按时</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="669" />
        <source>Late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="681" />
        <source>%1 within the SLA (%2 of %3)</source>
        <translation>按时率 %1（%2 / %3）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="691" />
        <source>No acceptances in this period</source>
        <translation>本期无验收</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="694" />
        <source>%1 pts</source>
        <translation>%1分</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="695" />
        <source>No score</source>
        <translation>未评分</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="706" />
        <source>Accepted tickets</source>
        <translation>验收单数</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="715" />
        <source>No open tickets</source>
        <translation>没有未结报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="722" />
        <source>Not overdue</source>
        <translation>未超时</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="723" />
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="725" />
        <source>%1: %2 open, %3 overdue</source>
        <translation>%1：未结 %2 单，其中超时 %3 单</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="734" />
        <source>Days since the report (now)</source>
        <translation>报修至今天数（当前）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard_page.py" line="735" />
        <source>Open tickets</source>
        <translation>未结单数</translation>
    </message>
</context>
<context>
    <name>DiagnosisForm</name>
    <message>
        <location filename="../../app/views/stage_forms.py" line="64" />
        <source>Diagnosis</source>
        <translation>现场诊断</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="65" />
        <source>Cause, defect category and building part decide the warranty verdict.</source>
        <translation>原因、缺陷类别和工程部位决定保修判定。</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="67" />
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="68" />
        <location filename="../../app/views/stage_forms.py" line="70" />
        <location filename="../../app/views/stage_forms.py" line="73" />
        <location filename="../../app/views/stage_forms.py" line="79" />
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="69" />
        <source>Defect category</source>
        <translation>缺陷类别</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="71" />
        <source>Building part</source>
        <translation>工程部位</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="74" />
        <source>Structural safety</source>
        <translation>结构安全</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="75" />
        <source>Affects structural safety</source>
        <translation>涉及结构安全</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="76" />
        <source>Responsible party</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="80" />
        <source>Subcontractor</source>
        <translation>分包单位</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="81" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="82" />
        <source>No work instruction suggested for this category yet.</source>
        <translation>该缺陷类别暂无推荐的作业指导书（知识库建立后自动推荐）。</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="85" />
        <source>Work instruction</source>
        <translation>作业指导书</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="86" />
        <source>Record arrival on site</source>
        <translation>到场签到</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="87" />
        <source>Complete diagnosis</source>
        <translation>完成诊断</translation>
    </message>
</context>
<context>
    <name>DocumentPreviewDialog</name>
    <message>
        <location filename="../../app/views/document_preview_dialog.py" line="43" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../app/views/document_preview_dialog.py" line="46" />
        <source>Save as PDF…</source>
        <translation>另存为PDF…</translation>
    </message>
    <message>
        <location filename="../../app/views/document_preview_dialog.py" line="56" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../app/views/document_preview_dialog.py" line="59" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../app/views/document_preview_dialog.py" line="62" />
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../app/views/document_preview_dialog.py" line="64" />
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../app/views/document_preview_dialog.py" line="116" />
        <source>Print preview – %1</source>
        <translation>打印预览 – %1</translation>
    </message>
    <message>
        <location filename="../../app/views/document_preview_dialog.py" line="117" />
        <source>Verification code: %1</source>
        <translation>核验码：%1</translation>
    </message>
    <message>
        <location filename="../../app/views/document_preview_dialog.py" line="120" />
        <source>of %1</source>
        <translation>/ 共 %1 页</translation>
    </message>
    <message>
        <location filename="../../app/views/document_preview_dialog.py" line="180" />
        <location filename="../../app/views/document_preview_dialog.py" line="193" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../app/views/document_preview_dialog.py" line="193" />
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <location filename="../../app/views/document_preview_dialog.py" line="215" />
        <source>Save as PDF</source>
        <translation>另存为PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/document_preview_dialog.py" line="215" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <location filename="../../app/views/escalate_dialog.py" line="31" />
        <location filename="../../app/views/escalate_dialog.py" line="52" />
        <source>Escalate</source>
        <translation>升级处理</translation>
    </message>
    <message>
        <location filename="../../app/views/escalate_dialog.py" line="42" />
        <source>Why this needs the project manager or management: what happened, what is at stake</source>
        <translation>为什么需要项目经理或公司管理层处理：发生了什么，影响有多大</translation>
    </message>
    <message>
        <location filename="../../app/views/escalate_dialog.py" line="48" />
        <source>Tickets</source>
        <translation>报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/escalate_dialog.py" line="49" />
        <source>Escalate to</source>
        <translation>升级到</translation>
    </message>
    <message>
        <location filename="../../app/views/escalate_dialog.py" line="50" />
        <source>Reason</source>
        <translation>升级原因</translation>
    </message>
    <message>
        <location filename="../../app/views/escalate_dialog.py" line="54" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/views/escalate_dialog.py" line="70" />
        <source>Already escalated: %1</source>
        <translation>已在升级事项中：%1</translation>
    </message>
</context>
<context>
    <name>EscalationEvent</name>
    <message>
        <location filename="../../app/views/retro_labels.py" line="38" />
        <source>Escalated</source>
        <translation>发起升级</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="39" />
        <source>Ticket joined</source>
        <translation>报修单并入</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="40" />
        <source>Level raised</source>
        <translation>升级层级</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="41" />
        <source>State changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="42" />
        <source>Owner changed</source>
        <translation>变更负责人</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="43" />
        <source>Effect check failed, reopened</source>
        <translation>效果验证未通过，重新打开</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="44" />
        <source>Retrospective meeting</source>
        <translation>专项复盘会议</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="45" />
        <source>Corrective action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="46" />
        <source>Effect check started</source>
        <translation>进入效果验证期</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="47" />
        <source>Comment</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>EscalationKind</name>
    <message>
        <location filename="../../app/views/retro_labels.py" line="17" />
        <source>Major quality issue</source>
        <translation>重大质量问题</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="18" />
        <source>Recurring problem</source>
        <translation>共性问题反复出现</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="19" />
        <source>Response time exceeded</source>
        <translation>超出响应时限</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="20" />
        <source>Repeated rework</source>
        <translation>多次返修</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="21" />
        <source>Manual escalation</source>
        <translation>人工升级</translation>
    </message>
</context>
<context>
    <name>EscalationLevel</name>
    <message>
        <location filename="../../app/views/retro_labels.py" line="25" />
        <source>Project manager</source>
        <translation>项目经理</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="26" />
        <source>Company management</source>
        <translation>公司管理层</translation>
    </message>
</context>
<context>
    <name>EscalationSettingsDialog</name>
    <message>
        <location filename="../../app/views/escalation_settings_dialog.py" line="27" />
        <source>Escalation thresholds</source>
        <translation>升级阈值</translation>
    </message>
    <message>
        <location filename="../../app/views/escalation_settings_dialog.py" line="29" />
        <source>A defect category (or a building part with one subcontractor) is a recurring problem when it comes back N times within D days in one project. A project's own values, set on the Projects page, win over its type's. After the corrective actions are closed, a new matching ticket within the watch window reopens the escalation.</source>
        <translation>同一项目中，同一缺陷类别（或同一部位、同一分包单位）的问题在 D 天内出现 N 次，即视为共性问题并自动升级。在“项目”页为某个项目单独设置的阈值优先于其项目类型的阈值。整改措施全部关闭后，在效果验证期内再出现同类问题，升级事项会重新打开。</translation>
    </message>
    <message>
        <location filename="../../app/views/escalation_settings_dialog.py" line="35" />
        <source>Project type</source>
        <translation>项目类型</translation>
    </message>
    <message>
        <location filename="../../app/views/escalation_settings_dialog.py" line="35" />
        <source>Times (N)</source>
        <translation>次数（N）</translation>
    </message>
    <message>
        <location filename="../../app/views/escalation_settings_dialog.py" line="36" />
        <source>Within days (D)</source>
        <translation>天数（D）</translation>
    </message>
    <message>
        <location filename="../../app/views/escalation_settings_dialog.py" line="36" />
        <source>Watch window (days)</source>
        <translation>效果验证期（天）</translation>
    </message>
    <message>
        <location filename="../../app/views/escalation_settings_dialog.py" line="46" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/views/escalation_settings_dialog.py" line="47" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>EscalationState</name>
    <message>
        <location filename="../../app/views/retro_labels.py" line="30" />
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="31" />
        <source>Retrospective scheduled</source>
        <translation>已安排复盘</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="32" />
        <source>Rectifying</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="33" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="34" />
        <source>Reopened (recurred after the fix)</source>
        <translation>重新打开（整改后复发）</translation>
    </message>
</context>
<context>
    <name>FishboneCategory</name>
    <message>
        <location filename="../../app/views/retro_labels.py" line="57" />
        <source>Man</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="58" />
        <source>Machine</source>
        <translation>机</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="59" />
        <source>Material</source>
        <translation>料</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="60" />
        <source>Method</source>
        <translation>法</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="61" />
        <source>Environment</source>
        <translation>环</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="62" />
        <source>Measurement</source>
        <translation>测</translation>
    </message>
</context>
<context>
    <name>FishboneEditor</name>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="229" />
        <source>One cause per line</source>
        <translation>每行一个原因</translation>
    </message>
</context>
<context>
    <name>FiveWhyEditor</name>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="118" />
        <source>Ask why again</source>
        <translation>再问一个为什么</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="120" />
        <source>Ask “why?” until the root cause is reached; the last answer is the root cause.</source>
        <translation>连续追问“为什么”，直到找到根本原因；最后一个回答即为根本原因。</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="149" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="151" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="153" />
        <source>Remove this answer</source>
        <translation>删除这一问</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="199" />
        <source>Why %1</source>
        <translation>为什么%1</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="202" />
        <source>Why did it happen?</source>
        <translation>问题为什么会发生？</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="202" />
        <source>And why was that?</source>
        <translation>那又是为什么？</translation>
    </message>
</context>
<context>
    <name>FollowUpForm</name>
    <message>
        <location filename="../../app/views/stage_forms.py" line="333" />
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="334" />
        <source>Call or visit the owner after the repair; archiving needs the follow-up result.</source>
        <translation>维修完成后电话或上门回访业主；归档前须记录回访结果。</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="336" />
        <source>Result</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="337" />
        <source>Save follow-up</source>
        <translation>保存回访</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="338" />
        <source>Archive</source>
        <translation>归档</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../app/views/image_viewer.py" line="131" />
        <source>Photo viewer</source>
        <translation>查看照片</translation>
    </message>
    <message>
        <location filename="../../app/views/image_viewer.py" line="160" />
        <source>‹ Previous</source>
        <translation>‹ 上一张</translation>
    </message>
    <message>
        <location filename="../../app/views/image_viewer.py" line="160" />
        <source>Previous picture (Left)</source>
        <translation>上一张（←）</translation>
    </message>
    <message>
        <location filename="../../app/views/image_viewer.py" line="161" />
        <source>Next ›</source>
        <translation>下一张 ›</translation>
    </message>
    <message>
        <location filename="../../app/views/image_viewer.py" line="161" />
        <source>Next picture (Right)</source>
        <translation>下一张（→）</translation>
    </message>
    <message>
        <location filename="../../app/views/image_viewer.py" line="162" />
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../app/views/image_viewer.py" line="162" />
        <source>Fit the picture to the window (F)</source>
        <translation>按窗口大小显示（F）</translation>
    </message>
    <message>
        <location filename="../../app/views/image_viewer.py" line="163" />
        <source>Actual size, one picture pixel per screen pixel (1)</source>
        <translation>实际大小，一个图片像素对应一个屏幕像素（1）</translation>
    </message>
    <message>
        <location filename="../../app/views/image_viewer.py" line="164" />
        <source>Zoom out (-)</source>
        <translation>缩小（-）</translation>
    </message>
    <message>
        <location filename="../../app/views/image_viewer.py" line="165" />
        <source>Zoom in (+)</source>
        <translation>放大（+）</translation>
    </message>
    <message>
        <location filename="../../app/views/image_viewer.py" line="166" />
        <source>Open with system viewer</source>
        <translation>用系统程序打开</translation>
    </message>
    <message>
        <location filename="../../app/views/image_viewer.py" line="167" />
        <source>Open the file in the computer's own program</source>
        <translation>用电脑上的默认程序打开此文件</translation>
    </message>
    <message>
        <location filename="../../app/views/image_viewer.py" line="272" />
        <source>Photo viewer — %1</source>
        <translation>查看照片 — %1</translation>
    </message>
    <message>
        <location filename="../../app/views/image_viewer.py" line="310" />
        <source>File damaged or missing</source>
        <translation>文件损坏/缺失</translation>
    </message>
    <message>
        <location filename="../../app/views/image_viewer.py" line="311" />
        <source>The stored file is gone or no longer matches its fingerprint.</source>
        <translation>存储的文件已丢失，或内容与记录的哈希值不符。</translation>
    </message>
    <message>
        <location filename="../../app/views/image_viewer.py" line="317" />
        <source>This picture cannot be shown here.
Open it with the system viewer.</source>
        <translation>此图片无法在这里显示。
请用系统程序打开。</translation>
    </message>
    <message>
        <location filename="../../app/views/image_viewer.py" line="322" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>IntakeController</name>
    <message>
        <location filename="../../app/controllers/intake_controller.py" line="74" />
        <location filename="../../app/controllers/intake_controller.py" line="228" />
        <source>The database could not be read: %1</source>
        <translation>无法读取数据库：%1</translation>
    </message>
    <message>
        <location filename="../../app/controllers/intake_controller.py" line="157" />
        <source>Choose the project and the defect category to see the verdict.</source>
        <translation>选择项目和缺陷类别后显示保修预判。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/intake_controller.py" line="164" />
        <source>(preliminary: choose the defect category for the building part)</source>
        <translation>（初步判断：选择缺陷类别后按工程部位计算）</translation>
    </message>
    <message>
        <location filename="../../app/controllers/intake_controller.py" line="203" />
        <source>Nothing was saved: the database reported %1</source>
        <translation>未保存任何内容：数据库报告 %1</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="52" />
        <location filename="../../app/views/intake_dialog.py" line="60" />
        <source>New repair request</source>
        <translation>新建报修</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="61" />
        <source>What the owner reports, where, and how urgent. Ctrl+S saves.</source>
        <translation>业主反映什么问题、在哪里、有多急。按 Ctrl+S 保存。</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="63" />
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="63" />
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="65" />
        <source>Channel</source>
        <translation>报修渠道</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="66" />
        <source>Reporter</source>
        <translation>报修人</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="66" />
        <source>e.g. 王女士</source>
        <translation>如：王女士</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="67" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="67" />
        <source>mobile or landline</source>
        <translation>手机号或带区号的固定电话</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="71" />
        <source>type building, unit or room, e.g. 3栋 1502</source>
        <translation>输入楼栋、单元或房号，如：3栋 1502</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="90" />
        <source>Place</source>
        <translation>报修位置</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="93" />
        <source>Owner of the unit</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="94" />
        <source>(not registered)</source>
        <translation>（未登记业主）</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="95" />
        <source>Defect category</source>
        <translation>缺陷类别</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="96" />
        <source>(decide at diagnosis)</source>
        <translation>（诊断时确定）</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="97" />
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="99" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="101" />
        <source>May affect structural safety (emergency)</source>
        <translation>可能涉及结构安全（按紧急处理）</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="102" />
        <source>Responsible owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="103" />
        <source>(dispatch later)</source>
        <translation>（稍后派单）</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="106" />
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="118" />
        <source>Warranty preview</source>
        <translation>保修预判</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="120" />
        <source>Choose the project and the defect category to see the verdict.</source>
        <translation>选择项目和缺陷类别后显示保修预判。</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="123" />
        <source>Open requests at this place</source>
        <translation>同一位置未结的报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="128" />
        <source>Same problem: link as duplicate</source>
        <translation>同一问题：关联为重复报修</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="143" />
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="144" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="182" />
        <source>✓ registered place</source>
        <translation>✓ 已登记的位置</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="184" />
        <source>not in the project's place list: saved as typed</source>
        <translation>不在项目位置清单中：按输入的文字保存</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="214" />
        <source>Open requests at this place (%1)</source>
        <translation>同一位置未结的报修单（%1）</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="242" />
        <source>WarrantyDesk</source>
        <translation>保修工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="249" />
        <source>Unsaved request</source>
        <translation>报修未保存</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_dialog.py" line="250" />
        <source>The request has not been registered. Close and discard what was typed?</source>
        <translation>这张报修还没有登记。关闭并放弃已填写的内容吗？</translation>
    </message>
</context>
<context>
    <name>KanbanBoardModel</name>
    <message>
        <location filename="../../app/views/kanban_model.py" line="338" />
        <source>Unassigned</source>
        <translation>未指派</translation>
    </message>
</context>
<context>
    <name>KanbanCardDelegate</name>
    <message>
        <location filename="../../app/views/kanban_delegate.py" line="150" />
        <source>Unassigned</source>
        <translation>未指派</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_delegate.py" line="151" />
        <source>Not diagnosed</source>
        <translation>未诊断</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_delegate.py" line="158" />
        <source>Rework %1</source>
        <translation>返修 %1</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_delegate.py" line="159" />
        <source>Photos %1</source>
        <translation>照片 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/kanban_delegate.py" line="199" />
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n 张</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/kanban_delegate.py" line="201" />
        <source>%n overdue</source>
        <translation>
            <numerusform>超时 %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_delegate.py" line="228" />
        <source>%1 overdue %2</source>
        <translation>%1超时 %2</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_delegate.py" line="230" />
        <source>%1 in %2</source>
        <translation>%1剩 %2</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_delegate.py" line="232" />
        <source>Paused · %1</source>
        <translation>暂停 · %1</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_delegate.py" line="238" />
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_delegate.py" line="239" />
        <source>On site</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_delegate.py" line="240" />
        <source>Completion</source>
        <translation>完工</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_delegate.py" line="241" />
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_delegate.py" line="242" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_delegate.py" line="249" />
        <source>%1d</source>
        <translation>%1天</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_delegate.py" line="251" />
        <source>%1d %2h</source>
        <translation>%1天%2时</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_delegate.py" line="253" />
        <source>%1h %2m</source>
        <translation>%1时%2分</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_delegate.py" line="254" />
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
</context>
<context>
    <name>KanbanController</name>
    <message>
        <location filename="../../app/controllers/kanban_controller.py" line="216" />
        <source>This card has no next state to move to.</source>
        <translation>此卡片没有可移入的下一状态。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/kanban_controller.py" line="255" />
        <source>The ticket no longer exists.</source>
        <translation>该报修单已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/kanban_controller.py" line="264" />
        <source>There is no step from “%1” straight to “%2”.</source>
        <translation>不能从“%1”直接转到“%2”。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/kanban_controller.py" line="275" />
        <source>“%1” needs its form: open the ticket to fill it in.</source>
        <translation>“%1”需要填写表单：请打开报修单填写。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/kanban_controller.py" line="289" />
        <source>%1 cannot move to “%2”: %3</source>
        <translation>%1 不能移到“%2”：%3</translation>
    </message>
    <message>
        <location filename="../../app/controllers/kanban_controller.py" line="306" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../app/controllers/kanban_controller.py" line="309" />
        <source>The board could not be written to %1 %2</source>
        <translation>看板无法写入 %1 %2</translation>
    </message>
    <message>
        <location filename="../../app/controllers/kanban_controller.py" line="317" />
        <source>The database could not be read: %1</source>
        <translation>无法读取数据库：%1</translation>
    </message>
</context>
<context>
    <name>KanbanPage</name>
    <message>
        <location filename="../../app/views/kanban_page.py" line="274" />
        <source>All projects</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="276" />
        <source>All owners</source>
        <translation>全部责任人</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="277" />
        <source>Unassigned</source>
        <translation>未指派</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="278" />
        <source>All urgencies</source>
        <translation>全部紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="281" />
        <source>All defect categories</source>
        <translation>全部缺陷类别</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="283" />
        <source>Overdue only</source>
        <translation>只看超时</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="289" />
        <source>Search number, description, location… (Ctrl+F)</source>
        <translation>搜索单号、描述、位置…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="293" />
        <source>No swimlanes</source>
        <translation>不分泳道</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="294" />
        <source>Swimlanes by project</source>
        <translation>按项目分泳道</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="295" />
        <source>Swimlanes by owner</source>
        <translation>按责任人分泳道</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="296" />
        <source>Show closed columns</source>
        <translation>显示已关闭的列</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="299" />
        <source>Archived, not covered and cancelled tickets (the most recently changed)</source>
        <translation>已归档、不予保修和已取消的报修单（最近变动的）</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="304" />
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="306" />
        <source>Print to PDF (A3)…</source>
        <translation>打印为 PDF（A3）…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/kanban_page.py" line="553" />
        <location filename="../../app/views/kanban_page.py" line="561" />
        <location filename="../../app/views/kanban_page.py" line="762" />
        <source>%n overdue</source>
        <translation>
            <numerusform>超时 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/kanban_page.py" line="559" />
        <source>%n card(s) on the board</source>
        <translation>
            <numerusform>看板上共 %n 张</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="567" />
        <source>Loading the board…</source>
        <translation>正在载入看板…</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="677" />
        <source>Print the board to PDF</source>
        <translation>将看板打印为 PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="678" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="683" />
        <source>Export the board as PNG</source>
        <translation>将看板导出为 PNG</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="684" />
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../app/views/kanban_page.py" line="694" />
        <source>Warranty board</source>
        <translation>保修看板</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/kanban_page.py" line="792" />
        <source>… and %n more</source>
        <translation>
            <numerusform>… 另有 %n 张未列出</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KpiPage</name>
    <message>
        <location filename="../../app/views/kpi_page.py" line="49" />
        <source>Per person</source>
        <translation>按人员</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="50" />
        <source>Per project department</source>
        <translation>按项目部</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="398" />
        <source>KPIs</source>
        <translation>绩效</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="410" />
        <source>All projects</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="413" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="415" />
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="451" />
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="455" />
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="459" />
        <source>Trend of</source>
        <translation>趋势指标</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="519" />
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="535" />
        <source>People: %1</source>
        <translation>共 %1 人</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="535" />
        <source>Departments: %1</source>
        <translation>共 %1 个项目部</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="559" />
        <source>Totals: %1</source>
        <translation>合计：%1</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="564" />
        <source>Export KPIs to Excel</source>
        <translation>导出绩效表到 Excel</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="564" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>KpiTableModel</name>
    <message>
        <location filename="../../app/views/kpi_page.py" line="54" />
        <source>Handled</source>
        <translation>处理量</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="55" />
        <source>Mean response (h)</source>
        <translation>平均响应时长(小时)</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="56" />
        <source>On-time rate</source>
        <translation>按时完工率</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="57" />
        <source>Rework rate</source>
        <translation>返修率</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="58" />
        <source>Mean satisfaction</source>
        <translation>平均满意度</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="59" />
        <source>First-time fix rate</source>
        <translation>一次修复率</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="60" />
        <source>Complaints</source>
        <translation>投诉数</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="277" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="277" />
        <source>Project department</source>
        <translation>项目部</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="279" />
        <source>Trend: %1</source>
        <translation>趋势：%1</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="288" />
        <source>%1 per month, %2. The last point is the latest month.</source>
        <translation>%1 逐月变化（%2），最右一点为最近一个月。</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="340" />
        <source>%1 tickets accepted</source>
        <translation>验收通过 %1 单</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="341" />
        <source>%1 tickets responded to</source>
        <translation>接单响应 %1 单</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="343" />
        <source>%1 of %2 completion reports on time</source>
        <translation>完工报验 %2 单，其中按时 %1 单</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="345" />
        <source>%1 of %2 accepted tickets were reworked</source>
        <translation>验收通过 %2 单，其中曾返修 %1 单</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="347" />
        <source>%1 scores</source>
        <translation>评分 %1 个</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="349" />
        <source>%1 of %2 accepted tickets fixed the first time</source>
        <translation>验收通过 %2 单，其中一次修复 %1 单</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="352" />
        <source>%1 low scores, %2 failed acceptances, %3 reopenings</source>
        <translation>低分（≤2 分）%1 次，验收不通过 %2 次，重新打开 %3 次</translation>
    </message>
</context>
<context>
    <name>LocationKind</name>
    <message>
        <location filename="../../app/views/labels.py" line="72" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="73" />
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="74" />
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="75" />
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="76" />
        <source>Road section</source>
        <translation>路段</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="77" />
        <source>Chainage</source>
        <translation>桩号</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="78" />
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="79" />
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
</context>
<context>
    <name>LocationTreeBinder</name>
    <message numerus="yes">
        <location filename="../../app/controllers/location_tree_controller.py" line="64" />
        <location filename="../../app/controllers/location_tree_controller.py" line="129" />
        <source>%n place(s) in this project</source>
        <translation>
            <numerusform>本项目共 %n 个位置</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/controllers/location_tree_controller.py" line="76" />
        <source>%n place(s) found (at most 200 shown)</source>
        <translation>
            <numerusform>找到 %n 个位置（最多显示 200 个）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/controllers/location_tree_controller.py" line="148" />
        <source>From %1 to %2</source>
        <translation>从 %1 到 %2</translation>
    </message>
    <message>
        <location filename="../../app/controllers/location_tree_controller.py" line="150" />
        <source>For example: %1</source>
        <translation>例如：%1</translation>
    </message>
    <message>
        <location filename="../../app/controllers/location_tree_controller.py" line="177" />
        <source>(%1 s)</source>
        <translation>（用时 %1 秒）</translation>
    </message>
</context>
<context>
    <name>LocationTreePanel</name>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="154" />
        <source>Search places, e.g. 3栋2单元15 or 1502</source>
        <translation>搜索位置，如 3栋2单元15 或 1502</translation>
    </message>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="156" />
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="156" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="156" />
        <source>Below</source>
        <translation>下级</translation>
    </message>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="194" />
        <source>Top level</source>
        <translation>最上一级</translation>
    </message>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="196" />
        <source>Add at the project's top level instead of under the selection</source>
        <translation>添加到项目的最上一级，而不是所选位置之下</translation>
    </message>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="202" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="203" />
        <source>Rename (F2)</source>
        <translation>重命名 (F2)</translation>
    </message>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="204" />
        <source>Create from pattern…</source>
        <translation>按模式批量生成…</translation>
    </message>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="321" />
        <location filename="../../app/views/location_tree_panel.py" line="385" />
        <source>New places go to the project's top level</source>
        <translation>新位置建在：项目最上一级</translation>
    </message>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="323" />
        <location filename="../../app/views/location_tree_panel.py" line="387" />
        <source>New places go under: %1</source>
        <translation>新位置建在：%1 之下</translation>
    </message>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="338" />
        <source>Name, e.g. %1</source>
        <translation>名称，如 %1</translation>
    </message>
</context>
<context>
    <name>MainController</name>
    <message>
        <location filename="../../app/controllers/main_controller.py" line="50" />
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../app/controllers/main_controller.py" line="51" />
        <source>Installation code: %1</source>
        <translation>安装编码：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/selftest.py" line="66" />
        <location filename="../../app/views/main_window.py" line="23" />
        <source>Tickets</source>
        <translation>报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="22" />
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="24" />
        <source>Kanban</source>
        <translation>看板</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="25" />
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="26" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="27" />
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="28" />
        <source>Retrospectives</source>
        <translation>复盘</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="29" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="30" />
        <source>Knowledge base</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="31" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="32" />
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="49" />
        <location filename="../../app/views/main_window.py" line="152" />
        <source>WarrantyDesk</source>
        <translation>保修工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="80" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="81" />
        <source>New repair request…</source>
        <translation>新建报修…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="85" />
        <source>Verify a printed form…</source>
        <translation>核验打印文件…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="90" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="138" />
        <source>User: %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="140" />
        <source>No user yet: add staff on the Projects page</source>
        <translation>尚无用户：请在“项目”页添加人员</translation>
    </message>
</context>
<context>
    <name>MasterData</name>
    <message>
        <location filename="../../app/views/master_form_support.py" line="100" />
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../app/views/master_form_support.py" line="101" />
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1有未保存的修改。是否保存？</translation>
    </message>
    <message>
        <location filename="../../app/views/master_form_support.py" line="102" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/views/master_form_support.py" line="103" />
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../app/views/master_form_support.py" line="104" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/controllers/master_saving.py" line="20" />
        <source>The database refused the change; nothing was saved: %1</source>
        <translation>数据库拒绝了修改，未保存任何内容：%1</translation>
    </message>
</context>
<context>
    <name>MaterialsTable</name>
    <message>
        <location filename="../../app/views/stage_forms.py" line="112" />
        <source>Material</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="112" />
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="113" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="113" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="118" />
        <source>Add material</source>
        <translation>添加材料</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="120" />
        <source>Remove</source>
        <translation>删除所选</translation>
    </message>
</context>
<context>
    <name>MeetingController</name>
    <message>
        <location filename="../../app/controllers/meeting_controller.py" line="165" />
        <source>The database could not be read: %1</source>
        <translation>无法读取数据库：%1</translation>
    </message>
    <message>
        <location filename="../../app/controllers/meeting_controller.py" line="185" />
        <source>New, not saved yet</source>
        <translation>新会议，尚未保存</translation>
    </message>
    <message>
        <location filename="../../app/controllers/meeting_controller.py" line="187" />
        <source>Save the record first</source>
        <translation>请先保存会议记录</translation>
    </message>
    <message>
        <location filename="../../app/controllers/meeting_controller.py" line="204" />
        <source>%1 actions are not closed yet</source>
        <translation>尚有 %1 项整改措施未关闭</translation>
    </message>
    <message>
        <location filename="../../app/controllers/meeting_controller.py" line="251" />
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../app/controllers/meeting_controller.py" line="360" />
        <source>Nothing was saved: %1</source>
        <translation>未保存任何内容：%1</translation>
    </message>
    <message>
        <location filename="../../app/controllers/meeting_controller.py" line="250" />
        <source>Action %1: %2</source>
        <translation>第 %1 项措施：%2</translation>
    </message>
    <message>
        <location filename="../../app/controllers/meeting_controller.py" line="357" />
        <source>Nothing was saved: the database reported %1</source>
        <translation>未保存任何内容：数据库报告 %1</translation>
    </message>
    <message>
        <location filename="../../app/controllers/meeting_controller.py" line="297" />
        <source>Meeting record saved</source>
        <translation>会议记录已保存</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="494" />
        <location filename="../../app/views/meeting_editor.py" line="502" />
        <location filename="../../app/views/meeting_editor.py" line="835" />
        <location filename="../../app/views/meeting_editor.py" line="1032" />
        <location filename="../../app/views/meeting_editor.py" line="1066" />
        <source>Retrospective meeting</source>
        <translation>专项复盘会议</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="507" />
        <source>e.g. Recurring leaks at exterior walls, building 3</source>
        <translation>如：3栋外墙反复渗漏专项复盘</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="512" />
        <source>e.g. Project office meeting room</source>
        <translation>如：项目部会议室</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="515" />
        <source>Subject</source>
        <translation>会议主题</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="517" />
        <source>Date and time</source>
        <translation>会议时间</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="519" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="521" />
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="528" />
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="529" />
        <source>Escalations and tickets</source>
        <translation>升级事项与报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="530" />
        <source>Problem and root cause</source>
        <translation>问题与原因分析</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="531" />
        <source>Actions (CAPA)</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="536" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="539" />
        <source>Save the meeting record (Ctrl+S)</source>
        <translation>保存会议记录（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="540" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="541" />
        <source>Print minutes</source>
        <translation>打印纪要</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="543" />
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="544" />
        <source>Close</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="545" />
        <source>Mark as held</source>
        <translation>标记为已召开</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="546" />
        <source>The meeting took place: its actions are now tracked</source>
        <translation>会议已召开：开始跟踪整改措施</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="547" />
        <source>Close meeting</source>
        <translation>关闭会议</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="548" />
        <source>Every action is closed: close the record</source>
        <translation>整改措施已全部关闭：关闭会议记录</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="599" />
        <source>Find staff by name or unit</source>
        <translation>按姓名或单位查找人员</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="608" />
        <source>Our staff (tick who attends)</source>
        <translation>本单位人员（勾选参会者）</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="615" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="615" />
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="615" />
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="618" />
        <source>Add an external attendee</source>
        <translation>添加外部参会人员</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="620" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="625" />
        <source>External attendees: designer, subcontractor, supervisor, owner…</source>
        <translation>外部参会人员：设计、分包、监理、业主……</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="650" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="650" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="650" />
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="661" />
        <source>Ticket number, e.g. BX-…-00042</source>
        <translation>报修单号，如 BX-…-00042</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="663" />
        <source>Link ticket</source>
        <translation>关联报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="665" />
        <source>Unlink selected</source>
        <translation>取消关联所选</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="677" />
        <source>Escalations discussed (tick to link)</source>
        <translation>讨论的升级事项（勾选即关联）</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="679" />
        <source>Tickets discussed (double-click opens the ticket)</source>
        <translation>讨论的报修单（双击打开报修单）</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="687" />
        <source>What happened, where, how often, what it cost</source>
        <translation>发生了什么、在哪里、出现几次、造成什么损失</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="689" />
        <source>5-why</source>
        <translation>5个为什么</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="690" />
        <source>Fishbone (man, machine, material, method, environment, measurement)</source>
        <translation>鱼骨图（人机料法环测）</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="704" />
        <source>What the meeting decided</source>
        <translation>会议决定了什么</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="708" />
        <source>Root-cause analysis:</source>
        <translation>原因分析方法：</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="719" />
        <source>Root cause in one sentence (empty: the last answer of the 5-why)</source>
        <translation>一句话写明根本原因（不填则取最后一个“为什么”的回答）</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="721" />
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="732" />
        <source>Problem statement</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="733" />
        <source>Conclusions</source>
        <translation>会议结论</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="751" />
        <source>Add an action</source>
        <translation>添加措施</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="753" />
        <source>Remove the new action</source>
        <translation>删除新增的措施</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="754" />
        <source>Saved actions are never deleted: set them to Cancelled</source>
        <translation>已保存的措施不能删除：请将其状态改为“已取消”</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="756" />
        <source>Corrective actions fix this problem, preventive actions stop it coming back. Closing an action needs evidence: drop files on its row or use its Evidence button.</source>
        <translation>纠正措施解决本次问题，预防措施防止问题再次发生。措施完成须有证据：把文件拖到该措施所在行，或点该行的“证据”按钮。</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="785" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="835" />
        <source>New retrospective meeting</source>
        <translation>新建专项复盘会议</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="921" />
        <location filename="../../app/views/meeting_editor.py" line="936" />
        <source>Escalations and tickets (%1)</source>
        <translation>升级事项与报修单（%1）</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="1051" />
        <source>%1 of our staff, %2 external</source>
        <translation>本单位 %1 人，外部 %2 人</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="1079" />
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../app/views/meeting_editor.py" line="1080" />
        <source>This meeting record has changes that are not saved. Close and discard them?</source>
        <translation>会议记录有未保存的更改。关闭并放弃这些更改吗？</translation>
    </message>
</context>
<context>
    <name>MeetingStatus</name>
    <message>
        <location filename="../../app/views/retro_labels.py" line="51" />
        <source>Planned</source>
        <translation>已安排</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="52" />
        <source>Held</source>
        <translation>已召开</translation>
    </message>
    <message>
        <location filename="../../app/views/retro_labels.py" line="53" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>NotCoveredForm</name>
    <message>
        <location filename="../../app/views/stage_forms.py" line="94" />
        <source>Not covered</source>
        <translation>不予保修</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="95" />
        <source>Approved by the project manager; the owner receives a written notice with the reason.</source>
        <translation>由项目经理审批；以书面《不予保修告知书》向业主说明理由。</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="97" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="98" />
        <source>Offer a paid repair</source>
        <translation>提供有偿维修</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="99" />
        <source>Rule not covered</source>
        <translation>审批不予保修</translation>
    </message>
</context>
<context>
    <name>OrgKind</name>
    <message>
        <location filename="../../app/views/labels.py" line="40" />
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="41" />
        <source>Project department</source>
        <translation>项目部</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="42" />
        <source>Subcontractor</source>
        <translation>分包单位</translation>
    </message>
</context>
<context>
    <name>PeriodChooser</name>
    <message>
        <location filename="../../app/views/kpi_page.py" line="44" />
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="45" />
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="46" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="120" />
        <source>Previous period</source>
        <translation>上一期</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="125" />
        <source> (year)</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="131" />
        <source>Next period</source>
        <translation>下一期</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="153" />
        <source>%1 (month)</source>
        <translation>%1 月</translation>
    </message>
    <message>
        <location filename="../../app/views/kpi_page.py" line="156" />
        <source>Q%1</source>
        <translation>第 %1 季度</translation>
    </message>
</context>
<context>
    <name>PeriodUnit</name>
    <message>
        <location filename="../../app/views/labels.py" line="66" />
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="67" />
        <source>heating/cooling seasons</source>
        <translation>个采暖/供冷期</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="68" />
        <source>design service life</source>
        <translation>设计使用年限</translation>
    </message>
</context>
<context>
    <name>PhotoDropZone</name>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="97" />
        <source>Added photos and videos</source>
        <translation>已添加的照片和视频</translation>
    </message>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="99" />
        <location filename="../../app/views/photo_drop_zone.py" line="139" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="110" />
        <source>Drop photos or videos here</source>
        <translation>将照片或视频拖放到这里</translation>
    </message>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="111" />
        <source>or use “Add photos…” below</source>
        <translation>或点击下方的「添加照片…」</translation>
    </message>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="135" />
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="137" />
        <source>Choose photo or video files from the computer</source>
        <translation>从电脑中选择照片或视频文件</translation>
    </message>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="141" />
        <source>Remove the selected files (Delete)</source>
        <translation>移除所选文件（Delete）</translation>
    </message>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="146" />
        <source>JPG, PNG, HEIC, BMP photos or MP4, MOV videos, up to 50 MB each</source>
        <translation>支持 JPG、PNG、HEIC、BMP 照片和 MP4、MOV 视频，单个文件不超过 50 MB</translation>
    </message>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="202" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/photo_drop_zone.py" line="216" />
        <source>%n file(s) not added:</source>
        <translation>
            <numerusform>%n 个文件未添加：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="246" />
        <source>Photos and videos (%1)</source>
        <translation>照片和视频 (%1)</translation>
    </message>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="247" />
        <source>Photos (%1)</source>
        <translation>照片 (%1)</translation>
    </message>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="248" />
        <source>Videos (%1)</source>
        <translation>视频 (%1)</translation>
    </message>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="252" />
        <source>Add photos or videos</source>
        <translation>添加照片或视频</translation>
    </message>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="289" />
        <source>already added</source>
        <translation>已经添加过</translation>
    </message>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="291" />
        <source>not a file, or it no longer exists</source>
        <translation>不是文件，或文件已不存在</translation>
    </message>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="293" />
        <source>this type of file cannot be added (only JPG, PNG, HEIC, BMP photos and MP4, MOV videos)</source>
        <translation>不支持此类文件（只能添加 JPG、PNG、HEIC、BMP 照片和 MP4、MOV 视频）</translation>
    </message>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="297" />
        <source>%1 is larger than the 50 MB limit</source>
        <translation>文件大小 %1，超过 50 MB 上限</translation>
    </message>
    <message>
        <location filename="../../app/views/photo_drop_zone.py" line="299" />
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/photo_drop_zone.py" line="342" />
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n 个文件，共 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoStage</name>
    <message>
        <location filename="../../app/views/attachment_gallery.py" line="57" />
        <location filename="../../app/views/labels.py" line="112" />
        <source>Before repair</source>
        <translation>维修前</translation>
    </message>
    <message>
        <location filename="../../app/views/attachment_gallery.py" line="58" />
        <location filename="../../app/views/labels.py" line="113" />
        <source>During repair</source>
        <translation>维修中</translation>
    </message>
    <message>
        <location filename="../../app/views/attachment_gallery.py" line="59" />
        <location filename="../../app/views/labels.py" line="114" />
        <source>After repair</source>
        <translation>维修后</translation>
    </message>
    <message>
        <location filename="../../app/views/attachment_gallery.py" line="60" />
        <location filename="../../app/views/labels.py" line="115" />
        <source>Documents</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <location filename="../../app/views/placeholders.py" line="11" />
        <source>A column per lifecycle state, a card per open ticket</source>
        <translation>每个流程状态一列，每张未关闭的报修单一张卡片</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="12" />
        <source>Drag a card to move the ticket; missing data opens the stage form</source>
        <translation>拖动卡片即可推进报修单；缺少资料时自动打开对应环节的表单</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="13" />
        <source>Swimlanes by project or owner; print the board for the site office</source>
        <translation>按项目或责任人分泳道；可打印看板张贴在现场办公室</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="16" />
        <source>Projects with type, handover and delivery dates, department, subcontractors</source>
        <translation>项目：类型、竣工验收日期与交付日期、项目部、分包单位</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="17" />
        <source>Warranty terms per building part, never below the statutory minimum</source>
        <translation>各部位保修期限，不得低于法定最低期限</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="18" />
        <source>Location tree: buildings, units, floors, rooms; road sections; systems</source>
        <translation>位置树：楼栋、单元、楼层、房间；路段桩号；系统设备</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="21" />
        <source>Owners with contacts, the units they own and their full ticket history</source>
        <translation>业主档案：联系方式、名下房屋及全部报修记录</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="22" />
        <source>Communication log with promised dates, preferences and notes</source>
        <translation>沟通记录、承诺完成日期、偏好与备注</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="25" />
        <source>Follow-up visits scheduled within 7 days of acceptance, with outcome</source>
        <translation>验收后 7 日内自动安排回访并记录结果</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="26" />
        <source>Overdue follow-ups and rewards given</source>
        <translation>逾期回访与客户奖励记录</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../app/views/placeholder_page.py" line="14" />
        <source>Not available yet in this version. This page will hold:</source>
        <translation>本版本尚未提供此功能。此页面将包含：</translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <location filename="../../app/views/stage_forms.py" line="175" />
        <source>Repair plan</source>
        <translation>维修计划</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="176" />
        <source>People, estimated duration and safety measures are required before the repair starts.</source>
        <translation>开始维修前须有人员安排、预计工期和安全措施。</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="178" />
        <source>People</source>
        <translation>人员安排</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="178" />
        <source>e.g. 王师傅、刘师傅</source>
        <translation>如：王师傅、刘师傅</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="179" />
        <source>Estimated duration</source>
        <translation>预计工期</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="180" />
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="181" />
        <source>Safety measures</source>
        <translation>安全措施</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="182" />
        <source>Appointment</source>
        <translation>预约上门</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="183" />
        <source>Work instruction</source>
        <translation>作业指导书</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="185" />
        <source>Repair plan issued by the design unit</source>
        <translation>设计单位出具维修方案</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="188" />
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="193" />
        <source>Save plan</source>
        <translation>保存计划</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="194" />
        <source>Start repair</source>
        <translation>开始维修</translation>
    </message>
</context>
<context>
    <name>ProjectEditor</name>
    <message>
        <location filename="../../app/views/project_editor.py" line="43" />
        <location filename="../../app/views/project_editor.py" line="48" />
        <source>Emergency</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="44" />
        <location filename="../../app/views/project_editor.py" line="54" />
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="45" />
        <location filename="../../app/views/project_editor.py" line="60" />
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="64" />
        <source>Repair within</source>
        <translation>维修完成时限</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="67" />
        <source>Same defect category at least</source>
        <translation>同一缺陷类别出现至少</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="71" />
        <source>within</source>
        <translation>统计天数</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="110" />
        <source>General</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="111" />
        <source>Limits and seasons</source>
        <translation>时限与季节</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="112" />
        <source>Warranty terms</source>
        <translation>保修期限</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="113" />
        <source>Subcontractors</source>
        <translation>分包单位</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="117" />
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="120" />
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="166" />
        <source>e.g. ZZ-2025-001</source>
        <translation>如 ZZ-2025-001</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="174" />
        <source>YYYY-MM-DD, e.g. 2024-06-01</source>
        <translation>年-月-日，如 2024-06-01</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="176" />
        <location filename="../../app/views/project_editor.py" line="188" />
        <source>YYYY-MM-DD (optional)</source>
        <translation>年-月-日（可不填）</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="181" />
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="186" />
        <source>yuan, e.g. 120000</source>
        <translation>元，如 120000</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="189" />
        <source>Project code</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="190" />
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="191" />
        <source>Project type</source>
        <translation>项目类型</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="192" />
        <source>Address</source>
        <translation>项目地址</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="194" />
        <source>Completion acceptance date</source>
        <translation>竣工验收合格日期</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="196" />
        <source>Delivery date</source>
        <translation>交付日期</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="197" />
        <source>Project department</source>
        <translation>项目部</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="198" />
        <source>Project manager</source>
        <translation>项目经理</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="200" />
        <source>Design service life</source>
        <translation>设计使用年限</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="202" />
        <source>Cost-bearing rule</source>
        <translation>费用承担原则</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="203" />
        <source>Retention money</source>
        <translation>质保金（元）</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="206" />
        <source>Retention release date</source>
        <translation>质保金返还日期</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="217" />
        <source>On-site arrival limit</source>
        <translation>到场时限</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="218" />
        <source>First response limit</source>
        <translation>响应时限（接单响应）</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="219" />
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="220" />
        <source>Recurring problem signal</source>
        <translation>共性问题反复出现（升级信号）</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="223" />
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="224" />
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="225" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="226" />
        <source> times</source>
        <translation> 次</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="240" />
        <source>Heating and cooling seasons (month-day)</source>
        <translation>采暖期与供冷期（月-日）</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="244" />
        <source>Heating season starts</source>
        <translation>采暖期开始</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="245" />
        <source>Heating season ends</source>
        <translation>采暖期结束</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="246" />
        <source>Cooling season starts</source>
        <translation>供冷期开始</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="247" />
        <source>Cooling season ends</source>
        <translation>供冷期结束</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="265" />
        <source>Contract warranty periods per building part. They may be longer than the statutory minimum, never shorter.</source>
        <translation>按工程部位约定的保修期限：可以长于法定最低保修期限，不得短于。</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="274" />
        <source>Building part</source>
        <translation>工程部位</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="275" />
        <source>Period</source>
        <translation>保修期</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="276" />
        <source>Counted in</source>
        <translation>计量方式</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="277" />
        <source>Statutory minimum</source>
        <translation>法定最低期限</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="320" />
        <source>Subcontractors on this project and the trade each answers for. Links are never removed; add subcontractor companies on the Organisation and staff tab.</source>
        <translation>本项目的分包单位及其负责的专业。已保存的分包关系不会删除；新的分包单位请在“组织与人员”中添加。</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="328" />
        <source>Subcontractor</source>
        <translation>分包单位</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="328" />
        <source>Trade</source>
        <translation>专业</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="339" />
        <source>Add subcontractor</source>
        <translation>添加分包单位</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="342" />
        <source>Remove unsaved row</source>
        <translation>移除未保存的行</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="362" />
        <source>(choose a subcontractor)</source>
        <translation>（请选择分包单位）</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="405" />
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="406" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../app/views/project_editor.py" line="455" />
        <source>New project</source>
        <translation>新项目</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/project_editor.py" line="514" />
        <source>Not saved: %n problem(s) to correct.</source>
        <translation>
            <numerusform>未保存：有 %n 处需要修改。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectType</name>
    <message>
        <location filename="../../app/views/labels.py" line="30" />
        <source>Residential / building</source>
        <translation>住宅/房建</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="31" />
        <source>Municipal road</source>
        <translation>市政道路</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="32" />
        <source>Industrial plant</source>
        <translation>工业厂房</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="33" />
        <source>MEP installation</source>
        <translation>机电安装</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="34" />
        <source>Infrastructure</source>
        <translation>基础设施</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="35" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ProjectsController</name>
    <message>
        <location filename="../../app/controllers/projects_controller.py" line="116" />
        <source>set by the contract</source>
        <translation>由合同约定</translation>
    </message>
    <message>
        <location filename="../../app/controllers/projects_controller.py" line="118" />
        <source>at least %1</source>
        <translation>不少于 %1</translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <location filename="../../app/views/projects_page.py" line="43" />
        <location filename="../../app/views/projects_page.py" line="84" />
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/views/projects_page.py" line="48" />
        <source>Filter by code or name</source>
        <translation>按编号或名称筛选</translation>
    </message>
    <message>
        <location filename="../../app/views/projects_page.py" line="51" />
        <source>Code</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <location filename="../../app/views/projects_page.py" line="51" />
        <source>Name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../app/views/projects_page.py" line="51" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/views/projects_page.py" line="51" />
        <source>Places</source>
        <translation>位置数</translation>
    </message>
    <message>
        <location filename="../../app/views/projects_page.py" line="63" />
        <source>New project (Ctrl+Shift+N)</source>
        <translation>新建项目 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../../app/views/projects_page.py" line="74" />
        <source>Locations</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../app/views/projects_page.py" line="85" />
        <source>Organisation and staff</source>
        <translation>组织与人员</translation>
    </message>
    <message>
        <location filename="../../app/views/projects_page.py" line="179" />
        <source>This project</source>
        <translation>该项目</translation>
    </message>
    <message>
        <location filename="../../app/views/projects_page.py" line="188" />
        <source>This unit</source>
        <translation>该单位</translation>
    </message>
    <message>
        <location filename="../../app/views/projects_page.py" line="191" />
        <source>This person</source>
        <translation>该人员</translation>
    </message>
</context>
<context>
    <name>PublishCaseDialog</name>
    <message>
        <location filename="../../app/views/case_library_page.py" line="230" />
        <source>Publish as typical case</source>
        <translation>发布为典型案例</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="247" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="248" />
        <source>Defect category</source>
        <translation>缺陷类别</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="249" />
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="250" />
        <source>Cause</source>
        <translation>原因分析</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="251" />
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="252" />
        <source>Photos (ticked are published)</source>
        <translation>照片（勾选的将发布）</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="266" />
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="268" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/views/case_library_page.py" line="283" />
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
</context>
<context>
    <name>ReasonForm</name>
    <message>
        <location filename="../../app/views/stage_forms.py" line="344" />
        <source>Pause the timers</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="345" />
        <source>While waiting for the owner (not at home, no access) the timers stop; the pause is logged.</source>
        <translation>等待业主（不在家、无法入户）期间暂停时限计时，暂停记入处理记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="347" />
        <source>Pause timers</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="348" />
        <source>e.g. owner not at home</source>
        <translation>如：业主不在家</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="349" />
        <source>Resume the timers</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="350" />
        <source>Resume timers</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="351" />
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="352" />
        <source>Add comment</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="353" />
        <source>Cancel the request</source>
        <translation>取消报修</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="354" />
        <source>Only before the repair starts; nothing is deleted.</source>
        <translation>仅限开始维修之前；不会删除任何记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="355" />
        <source>Cancel request</source>
        <translation>取消报修</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="356" />
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="357" />
        <source>An archived ticket goes back to repair; this counts as rework.</source>
        <translation>已归档的报修单退回维修实施，计为返修。</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="359" />
        <source>Reopen ticket</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="374" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="374" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="374" />
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <location filename="../../app/views/reports_page.py" line="28" />
        <source>Monthly summary</source>
        <translation>月度总结</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_page.py" line="29" />
        <source>Quarterly summary</source>
        <translation>季度总结</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_page.py" line="30" />
        <source>Annual white paper</source>
        <translation>年度白皮书</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_page.py" line="34" />
        <source>Totals against last month and last year, trends, top categories, locations, subcontractors, SLA, satisfaction, suggestions.</source>
        <translation>总量及环比、同比，趋势，问题类别排行，高发部位，分包单位，时效与满意度，改进建议。</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_page.py" line="35" />
        <source>The monthly sections over the quarter, against the last quarter and the same quarter last year.</source>
        <translation>月度总结的各部分按季度汇总，与上季度及上年同季度比较。</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_page.py" line="36" />
        <source>Cover, contents, the year in figures, year over year, typical cases, escalations and retrospectives, suggestions.</source>
        <translation>封面、目录、全年数据与同比、典型案例、升级处理与复盘、改进建议。</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_page.py" line="61" />
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_page.py" line="64" />
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_page.py" line="76" />
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_page.py" line="81" />
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_page.py" line="82" />
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_page.py" line="139" />
        <source>Save report as PDF</source>
        <translation>将报告另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_page.py" line="139" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../app/views/reports_page.py" line="178" />
        <source>KPIs</source>
        <translation>绩效</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_page.py" line="179" />
        <source>Reports</source>
        <translation>报告</translation>
    </message>
</context>
<context>
    <name>ResponsibleParty</name>
    <message>
        <location filename="../../app/views/labels.py" line="107" />
        <source>Own team</source>
        <translation>本单位</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="108" />
        <source>Subcontractor</source>
        <translation>分包单位</translation>
    </message>
</context>
<context>
    <name>RetrospectivesController</name>
    <message>
        <location filename="../../app/controllers/retrospectives_controller.py" line="158" />
        <source>Escalation check: %1 new, %2 tickets joined, %3 reopened</source>
        <translation>升级检查：新增 %1 项，并入报修单 %2 张，重新打开 %3 项</translation>
    </message>
    <message>
        <location filename="../../app/controllers/retrospectives_controller.py" line="167" />
        <source>The escalation check waits: the database is busy</source>
        <translation>升级检查稍后进行：数据库正忙</translation>
    </message>
    <message>
        <location filename="../../app/controllers/retrospectives_controller.py" line="170" />
        <source>The escalation check failed: %1</source>
        <translation>升级检查失败：%1</translation>
    </message>
    <message>
        <location filename="../../app/controllers/retrospectives_controller.py" line="236" />
        <source>The database could not be read: %1</source>
        <translation>无法读取数据库：%1</translation>
    </message>
    <message>
        <location filename="../../app/controllers/retrospectives_controller.py" line="324" />
        <source>The meeting could not be opened.</source>
        <translation>无法打开该会议记录。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/retrospectives_controller.py" line="427" />
        <source>Escalation thresholds saved</source>
        <translation>升级阈值已保存</translation>
    </message>
    <message>
        <location filename="../../app/controllers/retrospectives_controller.py" line="443" />
        <source>Escalated as %1</source>
        <translation>已升级，编号 %1</translation>
    </message>
</context>
<context>
    <name>RetrospectivesPage</name>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="150" />
        <source>Retrospectives</source>
        <translation>复盘</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="154" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="155" />
        <source>Read again and check for new escalations (F5)</source>
        <translation>重新读取并检查新的升级事项（F5）</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="162" />
        <source>Thresholds…</source>
        <translation>升级阈值…</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="163" />
        <source>When a recurring defect becomes an escalation, per project type</source>
        <translation>按项目类型设置：同类问题出现几次、在多少天内即自动升级</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="169" />
        <source>Escalations</source>
        <translation>升级事项</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="170" />
        <location filename="../../app/views/retrospectives_page.py" line="284" />
        <source>Meetings</source>
        <translation>复盘会议</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="171" />
        <location filename="../../app/views/retrospectives_page.py" line="591" />
        <source>My actions</source>
        <translation>我的整改措施</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="189" />
        <location filename="../../app/views/retrospectives_page.py" line="371" />
        <source>All projects</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="191" />
        <source>All levels</source>
        <translation>全部层级</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="195" />
        <source>All open</source>
        <translation>全部未关闭</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="196" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="202" />
        <location filename="../../app/views/retrospectives_page.py" line="214" />
        <location filename="../../app/views/retrospectives_page.py" line="307" />
        <location filename="../../app/views/retrospectives_page.py" line="458" />
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="204" />
        <location filename="../../app/views/retrospectives_page.py" line="213" />
        <location filename="../../app/views/retrospectives_page.py" line="456" />
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="206" />
        <location filename="../../app/views/retrospectives_page.py" line="213" />
        <location filename="../../app/views/retrospectives_page.py" line="264" />
        <location filename="../../app/views/retrospectives_page.py" line="457" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="213" />
        <location filename="../../app/views/retrospectives_page.py" line="264" />
        <location filename="../../app/views/retrospectives_page.py" line="276" />
        <location filename="../../app/views/retrospectives_page.py" line="307" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="213" />
        <location filename="../../app/views/retrospectives_page.py" line="350" />
        <location filename="../../app/views/retrospectives_page.py" line="455" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="214" />
        <location filename="../../app/views/retrospectives_page.py" line="459" />
        <source>Cluster</source>
        <translation>问题归类</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="214" />
        <location filename="../../app/views/retrospectives_page.py" line="282" />
        <source>Tickets</source>
        <translation>报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="214" />
        <location filename="../../app/views/retrospectives_page.py" line="350" />
        <location filename="../../app/views/retrospectives_page.py" line="460" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="215" />
        <location filename="../../app/views/retrospectives_page.py" line="461" />
        <source>Raised</source>
        <translation>升级时间</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="215" />
        <source>Why</source>
        <translation>升级原因</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="231" />
        <source>Reason or note (needed to raise the level or to close without a meeting)</source>
        <translation>原因或说明（升级到公司管理层、或未开复盘会即关闭时必填）</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="233" />
        <source>Escalate to company management</source>
        <translation>升级到公司管理层</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="235" />
        <source>Schedule a retrospective meeting</source>
        <translation>安排复盘会议</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="238" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="264" />
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="265" />
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="265" />
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="265" />
        <source>Joined because</source>
        <translation>并入原因</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="271" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="271" />
        <source>By</source>
        <translation>办理人</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="271" />
        <source>What happened</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="276" />
        <location filename="../../app/views/retrospectives_page.py" line="307" />
        <source>Held</source>
        <translation>会议时间</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="276" />
        <location filename="../../app/views/retrospectives_page.py" line="307" />
        <source>Subject</source>
        <translation>会议主题</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="277" />
        <location filename="../../app/views/retrospectives_page.py" line="308" />
        <location filename="../../app/views/retrospectives_page.py" line="350" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="277" />
        <location filename="../../app/views/retrospectives_page.py" line="463" />
        <source>Open actions</source>
        <translation>未关闭措施</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="283" />
        <source>Log</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="307" />
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="308" />
        <source>Actions</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="308" />
        <location filename="../../app/views/retrospectives_page.py" line="315" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="308" />
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="314" />
        <source>New meeting</source>
        <translation>新建会议</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="316" />
        <source>Publish as typical case…</source>
        <translation>发布为典型案例…</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="317" />
        <location filename="../../app/views/retrospectives_page.py" line="567" />
        <source>A closed meeting becomes a typical case in the knowledge base</source>
        <translation>已关闭的会议可发布为知识库中的典型案例</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="337" />
        <source>Only actions I own</source>
        <translation>只看我负责的</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="339" />
        <source>Include closed actions</source>
        <translation>包括已关闭的措施</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="350" />
        <source>Due</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="350" />
        <source>Action</source>
        <translation>措施内容</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="351" />
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="351" />
        <source>Meeting</source>
        <translation>复盘会议</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="351" />
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="354" />
        <source>Overdue actions come first, in red. Double-click opens the meeting where the status and evidence are recorded.</source>
        <translation>超期措施排在最前并以红色显示。双击打开该措施所属的会议记录，在那里更新状态、上传证据。</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="400" />
        <location filename="../../app/views/retrospectives_page.py" line="460" />
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="411" />
        <source>%1 escalations</source>
        <translation>共 %1 项</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="443" />
        <source>Choose an escalation above</source>
        <translation>请在上方选择一项升级事项</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="462" />
        <source>Watched until</source>
        <translation>效果验证至</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="494" />
        <source>Tickets (%1)</source>
        <translation>报修单（%1）</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="517" />
        <location filename="../../app/views/retrospectives_page.py" line="551" />
        <source>Meetings (%1)</source>
        <translation>复盘会议（%1）</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="568" />
        <source>Only a closed meeting (every action closed) can be published</source>
        <translation>只有已关闭的会议（整改措施全部关闭）才能发布</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="582" />
        <source> (%1 d overdue)</source>
        <translation>（超期 %1 天）</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="588" />
        <source>%1 actions, %2 overdue</source>
        <translation>共 %1 项措施，超期 %2 项</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="590" />
        <source>My actions (%1)</source>
        <translation>我的整改措施（%1）</translation>
    </message>
    <message>
        <location filename="../../app/views/retrospectives_page.py" line="602" />
        <source>%1 open escalations · %2 overdue actions</source>
        <translation>未关闭升级事项 %1 项 · 超期整改措施 %2 项</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../app/views/labels.py" line="46" />
        <source>Clerk / service desk</source>
        <translation>资料员/客服专员</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="47" />
        <source>Warranty technician</source>
        <translation>保修员</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="48" />
        <source>Project manager</source>
        <translation>项目经理</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="49" />
        <source>HQ warranty administrator</source>
        <translation>总部保修管理员</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/views/settings_page.py" line="31" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="37" />
        <source>Every action is recorded under this name; the role decides what may be done.</source>
        <translation>每个操作都记在这个名字下；角色决定能办理哪些事项。</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="41" />
        <source>Who is working here</source>
        <translation>当前用户</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="43" />
        <source>Current user</source>
        <translation>我是</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="51" />
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="57" />
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="59" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="67" />
        <source>This installation</source>
        <translation>本机安装</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="69" />
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="70" />
        <source>Installation code</source>
        <translation>安装编码</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="71" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="82" />
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="83" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="112" />
        <source>Takes effect after a restart.</source>
        <translation>重启后生效。</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../app/views/signature_pad.py" line="128" />
        <source>Signature pad</source>
        <translation>签名板</translation>
    </message>
    <message>
        <location filename="../../app/views/signature_pad.py" line="136" />
        <source>Undo stroke</source>
        <translation>撤销一笔</translation>
    </message>
    <message>
        <location filename="../../app/views/signature_pad.py" line="137" />
        <source>Remove the last stroke (Ctrl+Z)</source>
        <translation>撤销最后一笔（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../app/views/signature_pad.py" line="141" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../app/views/signature_pad.py" line="142" />
        <source>Erase the signature and sign again</source>
        <translation>清除签名，重新签</translation>
    </message>
    <message>
        <location filename="../../app/views/signature_pad.py" line="395" />
        <source>Please sign here</source>
        <translation>请在此处签名</translation>
    </message>
</context>
<context>
    <name>SignerRole</name>
    <message>
        <location filename="../../app/views/labels.py" line="119" />
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="120" />
        <source>Repair staff</source>
        <translation>维修人员</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location filename="../../app/views/staff_panel.py" line="113" />
        <source>Organisation units</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="117" />
        <location filename="../../app/views/staff_panel.py" line="136" />
        <location filename="../../app/views/staff_panel.py" line="174" />
        <location filename="../../app/views/staff_panel.py" line="190" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="118" />
        <location filename="../../app/views/staff_panel.py" line="137" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="119" />
        <location filename="../../app/views/staff_panel.py" line="138" />
        <source>Trades</source>
        <translation>专业</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="120" />
        <location filename="../../app/views/staff_panel.py" line="140" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="121" />
        <location filename="../../app/views/staff_panel.py" line="175" />
        <location filename="../../app/views/staff_panel.py" line="191" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="122" />
        <source>Active staff</source>
        <translation>在职人数</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="131" />
        <source>Subcontractors: trades, e.g. 防水、堵漏</source>
        <translation>分包单位填写专业，如 防水、堵漏</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="143" />
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="146" />
        <source>New unit</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="147" />
        <source>Save unit</source>
        <translation>保存单位</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="162" />
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="165" />
        <source>Search name, phone or unit</source>
        <translation>搜索姓名、电话或单位</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="166" />
        <source>Show deactivated</source>
        <translation>显示已停用</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="176" />
        <location filename="../../app/views/staff_panel.py" line="192" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="177" />
        <location filename="../../app/views/staff_panel.py" line="193" />
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="178" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="196" />
        <source>New person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="197" />
        <source>Save person</source>
        <translation>保存人员</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="198" />
        <location filename="../../app/views/staff_panel.py" line="378" />
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="200" />
        <source>People are never deleted: deactivated staff keep their history</source>
        <translation>人员不会被删除：停用后其历史记录仍然保留</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="252" />
        <location filename="../../app/views/staff_panel.py" line="261" />
        <source>This unit</source>
        <translation>该单位</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="293" />
        <location filename="../../app/views/staff_panel.py" line="391" />
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="303" />
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="316" />
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="316" />
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="340" />
        <location filename="../../app/views/staff_panel.py" line="350" />
        <source>This person</source>
        <translation>该人员</translation>
    </message>
    <message>
        <location filename="../../app/views/staff_panel.py" line="378" />
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
</context>
<context>
    <name>StageForm</name>
    <message>
        <location filename="../../app/views/stage_form.py" line="347" />
        <source>Cannot %1 yet: %2</source>
        <translation>暂不能%1：%2</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/gui.py" line="206" />
        <source>Creating the demo database…</source>
        <translation>正在创建演示数据库…</translation>
    </message>
    <message>
        <location filename="../../app/gui.py" line="247" />
        <source>WarrantyDesk</source>
        <translation>保修工作台</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../app/controllers/sync_controller.py" line="130" />
        <source>The server answers.</source>
        <translation>服务器已响应。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_controller.py" line="154" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_controller.py" line="174" />
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_controller.py" line="192" />
        <source>Last sync %1: %2 sent, %3 received, %4 new conflicts.</source>
        <translation>上次同步 %1：上传 %2 条，下载 %3 条，新冲突 %4 个。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_controller.py" line="198" />
        <source>%1 changes were refused by the server and set aside; please tell the administrator.</source>
        <translation>有 %1 条修改被服务器拒收，已单独隔离，请告知系统管理员。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_controller.py" line="210" />
        <source>Sync at %1 failed: %2</source>
        <translation>%1 同步失败：%2</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_controller.py" line="224" />
        <source>Sync stopped by an error: %1</source>
        <translation>同步因错误中止：%1</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_controller.py" line="302" />
        <source>No shared server is set up: Settings → Sync.</source>
        <translation>尚未配置共享服务器：设置 → 同步。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_controller.py" line="304" />
        <source>The password is not stored on this computer: press Sync to enter it.</source>
        <translation>本机未保存密码：点“同步”后输入。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_controller.py" line="306" />
        <source>Not connected to the server yet.</source>
        <translation>尚未连接服务器。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_controller.py" line="308" />
        <source>Open conflicts: %1.</source>
        <translation>未解决的冲突：%1 个。</translation>
    </message>
</context>
<context>
    <name>SyncSettingsController</name>
    <message>
        <location filename="../../app/controllers/sync_settings_controller.py" line="66" />
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_settings_controller.py" line="75" />
        <source>Connected: the server answers and is ready to sync.</source>
        <translation>连接成功：服务器已响应，可以同步。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_settings_controller.py" line="77" />
        <location filename="../../app/controllers/sync_settings_controller.py" line="83" />
        <source>Cannot connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_settings_controller.py" line="91" />
        <source>Sync is switched off.</source>
        <translation>已关闭同步。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_settings_controller.py" line="121" />
        <source>This computer has no system password store: the password is not saved and is asked once each time the program starts.</source>
        <translation>本机没有系统密码库：密码不会保存，每次启动程序后第一次同步时询问一次。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_settings_controller.py" line="126" />
        <source>Stored — leave empty to keep it</source>
        <translation>已保存——留空则保持不变</translation>
    </message>
</context>
<context>
    <name>SyncSettingsPanel</name>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="55" />
        <source>Shared server</source>
        <translation>共享服务器</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="57" />
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="58" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="59" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="61" />
        <source>Encryption (TLS)</source>
        <translation>加密（TLS）</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="66" />
        <source>Tick the projects this computer works on; with none ticked, every project is synced. Tickets of other projects leave this computer at the next sync (they stay on the server).</source>
        <translation>勾选本机负责的项目；一个都不勾选则同步全部项目。其他项目的报修单会在下次同步时从本机移除（服务器上仍保留）。</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="73" />
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="74" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="76" />
        <source>Automatic sync every this many minutes while the program is open; the Sync button in the status bar syncs at any time.</source>
        <translation>程序打开期间每隔这么多分钟自动同步；随时可点状态栏的“同步”按钮立即同步。</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="80" />
        <source>What and when</source>
        <translation>同步范围与频率</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="82" />
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="84" />
        <source>Automatic sync</source>
        <translation>自动同步</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="87" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="88" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>SyncSettingsStore</name>
    <message>
        <location filename="../../app/controllers/sync_settings_store.py" line="119" />
        <source>Saved. The password stays as it was.</source>
        <translation>已保存，密码保持不变。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_settings_store.py" line="121" />
        <source>Saved without a password.</source>
        <translation>已保存（未设置密码）。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_settings_store.py" line="127" />
        <source>Saved. This computer has no password store (keyring): the password is kept only until the program closes and will be asked again next time.</source>
        <translation>已保存。本机没有系统密码库（keyring），密码不会写入磁盘：仅在本次运行期间有效，下次启动后同步时会再次询问。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/sync_settings_store.py" line="133" />
        <source>Saved. The password is in the system password store.</source>
        <translation>已保存，密码已存入系统密码库。</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../app/views/sync_status_widget.py" line="19" />
        <source>Sync not set up</source>
        <translation>未配置同步</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_widget.py" line="20" />
        <source>Password needed</source>
        <translation>需要密码</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_widget.py" line="21" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_widget.py" line="22" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_widget.py" line="23" />
        <source>Syncing</source>
        <translation>同步中</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_widget.py" line="24" />
        <source>Conflicts (%1)</source>
        <translation>有冲突（%1）</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_widget.py" line="77" />
        <source>%1 to upload</source>
        <translation>待上传 %1</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_widget.py" line="85" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_widget.py" line="85" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_widget.py" line="87" />
        <source>Stop after the current step</source>
        <translation>完成当前步骤后停止</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_widget.py" line="88" />
        <source>Sync now (%1)</source>
        <translation>立即同步（%1）</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_widget.py" line="113" />
        <source>Sync password</source>
        <translation>同步密码</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_widget.py" line="114" />
        <source>Password for %1 (kept until the program closes):</source>
        <translation>%1 的密码（仅保留到程序关闭）：</translation>
    </message>
</context>
<context>
    <name>SyncTls</name>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="26" />
        <source>No encryption (only inside a trusted network)</source>
        <translation>不加密（仅限可信的内部网络）</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="27" />
        <source>Encrypt when the server offers it</source>
        <translation>服务器支持时加密</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="28" />
        <source>Always encrypt</source>
        <translation>始终加密</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_settings_panel.py" line="29" />
        <source>Encrypt and verify the server certificate</source>
        <translation>加密并验证服务器证书</translation>
    </message>
</context>
<context>
    <name>ThumbnailLoader</name>
    <message>
        <location filename="../../app/controllers/thumbnail_loader.py" line="220" />
        <source>The file is missing.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/thumbnail_loader.py" line="277" />
        <source>The image cannot be read.</source>
        <translation>无法读取此图片。</translation>
    </message>
</context>
<context>
    <name>TicketDetailController</name>
    <message>
        <location filename="../../app/controllers/ticket_detail_controller.py" line="93" />
        <location filename="../../app/controllers/ticket_detail_controller.py" line="204" />
        <source>The database could not be read: %1</source>
        <translation>无法读取数据库：%1</translation>
    </message>
    <message>
        <location filename="../../app/controllers/ticket_detail_controller.py" line="96" />
        <source>This ticket no longer exists.</source>
        <translation>这张报修单已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/ticket_detail_controller.py" line="115" />
        <source>This ticket is closed; its history is read-only.</source>
        <translation>这张报修单已关闭，处理记录只读。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/ticket_detail_controller.py" line="221" />
        <source>Nothing was saved: the database reported %1</source>
        <translation>未保存任何内容：数据库报告 %1</translation>
    </message>
</context>
<context>
    <name>TicketDetailWindow</name>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="43" />
        <source>%1 d %2 h</source>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="46" />
        <source>%1 h %2 min</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="49" />
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="51" />
        <source>overdue %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="52" />
        <source>%1 left</source>
        <translation>还剩 %1</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="93" />
        <source>Print / export</source>
        <translation>打印/导出</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="98" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="99" />
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="154" />
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="154" />
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="154" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="155" />
        <location filename="../../app/views/ticket_detail_window.py" line="352" />
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="155" />
        <location filename="../../app/views/ticket_detail_window.py" line="357" />
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="162" />
        <source>Handle</source>
        <translation>办理</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="163" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="164" />
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="165" />
        <source>Related</source>
        <translation>相关报修</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="169" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="169" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="169" />
        <source>What happened</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="177" />
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="219" />
        <source>not assigned</source>
        <translation>未派单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="220" />
        <source>  ·  rework %1</source>
        <translation>  ·  返修 %1 次</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="221" />
        <source>Owner: %1</source>
        <translation>责任人：%1</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="226" />
        <source>Warranty verdict: after diagnosis</source>
        <translation>保修判定：诊断后给出</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="234" />
        <source>Attachments (%1)</source>
        <translation>附件（%1）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="246" />
        <source>%1: done %2</source>
        <translation>%1：已完成 %2</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="249" />
        <source>%1: —</source>
        <translation>%1：—</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="255" />
        <source> — paused</source>
        <translation> — 已暂停</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="319" />
        <source>Related (%1)</source>
        <translation>相关报修（%1）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="325" />
        <source>Preview and print: %1</source>
        <translation>预览并打印：%1</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="327" />
        <source>Save as PDF: %1</source>
        <translation>另存为 PDF：%1</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="331" />
        <source>Attach the signed, scanned form…</source>
        <translation>附加已签字表单的扫描件…</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="336" />
        <source>Signed, scanned form</source>
        <translation>已签字表单的扫描件</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="336" />
        <source>Images and PDF (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>图片和 PDF (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="341" />
        <source>WarrantyDesk</source>
        <translation>保修工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="349" />
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="349" />
        <source>failed</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="351" />
        <source>Request</source>
        <translation>报修信息</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="353" />
        <source>Channel</source>
        <translation>报修渠道</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="354" />
        <source>Reporter</source>
        <translation>报修人</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="355" />
        <source>Owner of the unit</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="356" />
        <source>Place</source>
        <translation>报修位置</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="359" />
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="360" />
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="361" />
        <source>Defect category</source>
        <translation>缺陷类别</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="362" />
        <source>Building part</source>
        <translation>工程部位</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="363" />
        <source>Structural safety</source>
        <translation>结构安全</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="363" />
        <source>yes — reported to the authority</source>
        <translation>涉及结构安全，须报告主管部门</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="364" />
        <source>Responsible</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="366" />
        <source>Warranty until</source>
        <translation>保修期截止</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="367" />
        <source>Not covered because</source>
        <translation>不予保修理由</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="369" />
        <source>Repair plan</source>
        <translation>维修计划</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="370" />
        <source>People</source>
        <translation>人员安排</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="371" />
        <source>Estimated hours</source>
        <translation>预计工期（小时）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="372" />
        <source>Safety measures</source>
        <translation>安全措施</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="373" />
        <source>Appointment</source>
        <translation>预约上门</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="374" />
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="376" />
        <source>Work logs</source>
        <translation>维修日志</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="381" />
        <source>Acceptance and follow-up</source>
        <translation>验收与回访</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="382" />
        <source>Result</source>
        <translation>验收结果</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="383" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="384" />
        <source>Owner's comment</source>
        <translation>业主意见</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="385" />
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="387" />
        <source>Follow-up</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="388" />
        <source>Cancelled because</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="398" />
        <source>Unsaved changes</source>
        <translation>有未保存的内容</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="399" />
        <source>This ticket has input that is not saved. Close and discard it?</source>
        <translation>这张报修单有尚未保存的填写内容。关闭并放弃吗？</translation>
    </message>
</context>
<context>
    <name>TicketListController</name>
    <message>
        <location filename="../../app/controllers/ticket_list_controller.py" line="267" />
        <source>No current user is chosen (Settings): “My open tickets” is empty</source>
        <translation>尚未选择当前用户（设置）：“我的待办”为空</translation>
    </message>
    <message>
        <location filename="../../app/controllers/ticket_list_controller.py" line="337" />
        <source>Filter “%1” saved</source>
        <translation>已保存筛选“%1”</translation>
    </message>
    <message>
        <location filename="../../app/controllers/ticket_list_controller.py" line="348" />
        <source>Filter “%1” removed</source>
        <translation>已删除筛选“%1”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/controllers/ticket_list_controller.py" line="527" />
        <source>%n ticket(s) assigned to %1</source>
        <translation>
            <numerusform>已将 %n 张报修单指派给 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/controllers/ticket_list_controller.py" line="545" />
        <source>The database could not be read: %1</source>
        <translation>无法读取数据库：%1</translation>
    </message>
</context>
<context>
    <name>TicketListPage</name>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="69" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="70" />
        <source>My open tickets</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="71" />
        <source>Overdue today</source>
        <translation>今日超时</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="72" />
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="73" />
        <source>Awaiting acceptance</source>
        <translation>待验收</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="74" />
        <source>All open</source>
        <translation>全部未结</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="77" />
        <source>Every ticket (the filters below still apply)</source>
        <translation>全部报修单（下方筛选条件仍然有效）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="78" />
        <source>Open tickets I am responsible for</source>
        <translation>我负责的未结报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="79" />
        <source>Open tickets already overdue or with a timer due before midnight</source>
        <translation>已超时或今天24点前到期的未结报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="82" />
        <source>Open emergency and urgent tickets</source>
        <translation>紧急和加急的未结报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="83" />
        <source>Tickets waiting for the owner's acceptance</source>
        <translation>等待业主验收的报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="84" />
        <source>Every ticket not yet closed</source>
        <translation>所有尚未关闭的报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="134" />
        <source>Completion confirmation forms…</source>
        <translation>保修完成确认单…</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="135" />
        <source>Work orders…</source>
        <translation>维修派工单…</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="136" />
        <source>Not-covered notices…</source>
        <translation>不予保修告知书…</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="186" />
        <location filename="../../app/views/ticket_list_page.py" line="865" />
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="276" />
        <location filename="../../app/views/ticket_list_page.py" line="483" />
        <source>New ticket</source>
        <translation>新建报修</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="279" />
        <source>Register a new repair request (Ctrl+N)</source>
        <translation>登记一张新的报修单（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="281" />
        <location filename="../../app/views/ticket_list_page.py" line="440" />
        <source>Assign owner…</source>
        <translation>指派责任人…</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="283" />
        <source>Assign the selected tickets to one person (Ctrl+Shift+A)</source>
        <translation>把选中的报修单指派给一个人（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="309" />
        <source>Saved filters</source>
        <translation>我的筛选</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="320" />
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="321" />
        <source>Choose the columns shown (also: right-click the header)</source>
        <translation>选择显示哪些列（也可在表头上单击右键）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="332" />
        <source>Export forms</source>
        <translation>导出表单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="333" />
        <source>Save a form as PDF for each selected ticket, or for every ticket of the filter when none is selected</source>
        <translation>为选中的每张报修单导出 PDF 表单；未选中时导出当前筛选出的全部报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="352" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="353" />
        <source>Open (not closed)</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="361" />
        <source>All projects</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="365" />
        <source>All urgencies</source>
        <translation>全部紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="373" />
        <source>Search number, description, location, reporter, phone…  (Ctrl+F)</source>
        <translation>搜索单号、描述、位置、报修人、电话…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="377" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="379" />
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="381" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="398" />
        <source>Remove this chart filter</source>
        <translation>取消图表筛选</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="438" />
        <source>Open ticket</source>
        <translation>打开报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="444" />
        <source>Copy rows (for Excel)</source>
        <translation>复制所选行（可粘贴到 Excel）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="487" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="612" />
        <source>Chart filter: %1</source>
        <translation>图表筛选：%1</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="635" />
        <source>Save current filter as…</source>
        <translation>将当前筛选保存为…</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="638" />
        <source>Remove saved filter</source>
        <translation>删除已存筛选</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="652" />
        <source>Save filter</source>
        <translation>保存筛选</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="653" />
        <source>Name of this filter (quick filter, state, project, urgency, search):</source>
        <translation>筛选名称（保存快速筛选、状态、项目、紧急程度和搜索词）：</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="655" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="718" />
        <source>Restore default columns</source>
        <translation>恢复默认列</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="734" />
        <source>This column cannot be sorted</source>
        <translation>此列不能排序</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_list_page.py" line="782" />
        <source>%n row(s) copied</source>
        <translation>
            <numerusform>已复制 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="786" />
        <source>Folder for the PDF files</source>
        <translation>PDF 文件保存到</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="793" />
        <source>Select the tickets to assign first</source>
        <translation>请先选中要指派的报修单</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_list_page.py" line="822" />
        <source>… and %n more</source>
        <translation>
            <numerusform>… 另有 %n 张未列出</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="829" />
        <source>Assign responsible owner</source>
        <translation>指派责任人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_list_page.py" line="830" />
        <source>%n ticket(s) cannot be assigned. Nothing has been changed.</source>
        <translation>
            <numerusform>有 %n 张报修单不能指派，所有报修单均未修改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_list_page.py" line="834" />
        <source>Assign the other %n</source>
        <translation>
            <numerusform>只指派其余 %n 张</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="838" />
        <source>Back</source>
        <translation>返回修改</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="852" />
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_list_page.py" line="854" />
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>共 %n 张报修单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="867" />
        <source>Age:</source>
        <translation>账龄：</translation>
    </message>
</context>
<context>
    <name>TicketRetroBar</name>
    <message>
        <location filename="../../app/views/escalate_dialog.py" line="86" />
        <source>Escalate…</source>
        <translation>升级处理…</translation>
    </message>
    <message>
        <location filename="../../app/views/escalate_dialog.py" line="87" />
        <source>Escalate this ticket to the project manager or company management</source>
        <translation>把本单升级给项目经理或公司管理层处理</translation>
    </message>
    <message>
        <location filename="../../app/views/escalate_dialog.py" line="105" />
        <source>Typical cases of this category (%1)</source>
        <translation>同类典型案例（%1）</translation>
    </message>
    <message>
        <location filename="../../app/views/escalate_dialog.py" line="112" />
        <source>Escalated: %1</source>
        <translation>已升级：%1</translation>
    </message>
</context>
<context>
    <name>TicketState</name>
    <message>
        <location filename="../../app/views/labels.py" line="12" />
        <source>Received</source>
        <translation>报修受理</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="13" />
        <source>Diagnosis</source>
        <translation>诊断分类</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="14" />
        <source>Repair plan</source>
        <translation>维修计划</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="15" />
        <source>In repair</source>
        <translation>维修实施</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="16" />
        <source>Acceptance</source>
        <translation>验收反馈</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="17" />
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="18" />
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="19" />
        <source>Not covered</source>
        <translation>不予保修</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="20" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="48" />
        <source>0–7 days</source>
        <translation>0–7天</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="49" />
        <source>8–14 days</source>
        <translation>8–14天</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="50" />
        <source>15–30 days</source>
        <translation>15–30天</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="51" />
        <source>Over 30 days</source>
        <translation>30天以上</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="55" />
        <source>response</source>
        <translation>响应</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="56" />
        <source>arrival on site</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="57" />
        <source>completion</source>
        <translation>完工</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="220" />
        <source>Ticket no.</source>
        <translation>报修单号</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="221" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="222" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="223" />
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="224" />
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="225" />
        <source>Defect category</source>
        <translation>缺陷类别</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="226" />
        <source>Reporter</source>
        <translation>报修人</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="227" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="228" />
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="229" />
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="230" />
        <source>Reported at</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="231" />
        <source>Age</source>
        <translation>账龄</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="232" />
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="233" />
        <source>Coverage</source>
        <translation>保修判定</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="234" />
        <source>Channel</source>
        <translation>报修渠道</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="235" />
        <source>Customer</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="236" />
        <source>Rework</source>
        <translation>返修次数</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="237" />
        <source>Building part</source>
        <translation>部位</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="247" />
        <source>Time left until the next timer (response, arrival, completion) is due</source>
        <translation>距下一个时限（响应、到场、完工）到期还剩多久</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="249" />
        <source>Days since the ticket was reported (open tickets)</source>
        <translation>自报修起已过天数（未结报修单）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="251" />
        <source>This column cannot be sorted</source>
        <translation>此列不能排序</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="298" />
        <source>Overdue: %1</source>
        <translation>已超时：%1</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="300" />
        <source>Ageing: %1</source>
        <translation>账龄：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_table_model.py" line="318" />
        <source> (rework %n)</source>
        <translation>
            <numerusform>（返修 %n 次）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_table_model.py" line="341" />
        <location filename="../../app/views/ticket_table_model.py" line="370" />
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="361" />
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="364" />
        <source>Overdue %1</source>
        <translation>超时 %1</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="365" />
        <source>%1 left</source>
        <translation>剩 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_table_model.py" line="372" />
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_table_model.py" line="373" />
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n分钟</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketWindows</name>
    <message>
        <location filename="../../app/controllers/ticket_windows.py" line="91" />
        <source>The database could not be read: %1</source>
        <translation>无法读取数据库：%1</translation>
    </message>
</context>
<context>
    <name>UnitPickerDialog</name>
    <message>
        <location filename="../../app/views/customers_page.py" line="46" />
        <source>Add a unit the customer owns</source>
        <translation>添加客户名下的房屋</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="53" />
        <source>YYYY-MM-DD (optional)</source>
        <translation>年-月-日（可不填）</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="56" />
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="57" />
        <source>Owned since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="60" />
        <source>Add this unit</source>
        <translation>添加该房屋</translation>
    </message>
    <message>
        <location filename="../../app/views/customers_page.py" line="63" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Urgency</name>
    <message>
        <location filename="../../app/views/labels.py" line="24" />
        <source>Emergency</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="25" />
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="26" />
        <source>Normal</source>
        <translation>一般</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../app/views/verify_dialog.py" line="36" />
        <source>Verify a printed document</source>
        <translation>核验打印文件</translation>
    </message>
    <message>
        <location filename="../../app/views/verify_dialog.py" line="39" />
        <source>Scan the QR code with a scanner, or type the 12-character verification code printed at the foot of the form. You can also choose the PDF file.</source>
        <translation>用扫码枪扫描二维码，或输入表单页脚印的 12 位核验码；也可以选择 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../../app/views/verify_dialog.py" line="45" />
        <source>e.g. K7QM-3XH9-P2WX</source>
        <translation>例如 K7QM-3XH9-P2WX</translation>
    </message>
    <message>
        <location filename="../../app/views/verify_dialog.py" line="47" />
        <source>Verify</source>
        <translation>核验</translation>
    </message>
    <message>
        <location filename="../../app/views/verify_dialog.py" line="50" />
        <source>Choose PDF file…</source>
        <translation>选择PDF文件…</translation>
    </message>
    <message>
        <location filename="../../app/views/verify_dialog.py" line="95" />
        <source>Choose a printed PDF</source>
        <translation>选择打印的 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../app/views/verify_dialog.py" line="95" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>WorkLogForm</name>
    <message>
        <location filename="../../app/views/stage_forms.py" line="211" />
        <source>Photos taken</source>
        <translation>照片阶段</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="218" />
        <source>Repair work</source>
        <translation>维修实施</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="219" />
        <source>Log each stretch of work with photos; acceptance needs at least one work log and one after-repair photo.</source>
        <translation>每次到场维修都填写日志并附照片；申请验收至少需要一条维修日志和一张维修后照片。</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="221" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="222" />
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="223" />
        <source>People</source>
        <translation>作业人员</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="224" />
        <source>Work done</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="225" />
        <source>Materials used</source>
        <translation>使用材料</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="230" />
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="238" />
        <source>Save work log</source>
        <translation>保存维修日志</translation>
    </message>
    <message>
        <location filename="../../app/views/stage_forms.py" line="239" />
        <source>Repair done: request acceptance</source>
        <translation>维修完成，申请验收</translation>
    </message>
</context>
</TS>
