<?xml version='1.0' encoding='utf-8'?>
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
    <name>AssignDialog</name>
    <message>
        <location filename="../../app/views/assign_dialog.py" line="52" />
        <source>Assign responsible owner</source>
        <translation>指派责任人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/assign_dialog.py" line="57" />
        <source>%1 and %n more</source>
        <translation><numerusform>%1 等，另有 %n 张</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/assign_dialog.py" line="59" />
        <source>Assign %n ticket(s) to one responsible owner:</source>
        <translation><numerusform>将 %n 张报修单指派给一名责任人：</numerusform></translation>
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
        <translation><numerusform>共 %n 个附件</numerusform></translation>
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
        <translation><numerusform>显示 %n 位客户</numerusform></translation>
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
        <translation><numerusform>%n 张</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/kanban_delegate.py" line="201" />
        <source>%n overdue</source>
        <translation><numerusform>超时 %n</numerusform></translation>
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
        <translation><numerusform>超时 %n</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/kanban_page.py" line="559" />
        <source>%n card(s) on the board</source>
        <translation><numerusform>看板上共 %n 张</numerusform></translation>
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
        <translation><numerusform>… 另有 %n 张未列出</numerusform></translation>
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
        <translation><numerusform>本项目共 %n 个位置</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/controllers/location_tree_controller.py" line="76" />
        <source>%n place(s) found (at most 200 shown)</source>
        <translation><numerusform>找到 %n 个位置（最多显示 200 个）</numerusform></translation>
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
        <location filename="../../app/views/location_tree_panel.py" line="325" />
        <location filename="../../app/views/location_tree_panel.py" line="389" />
        <source>New places go to the project's top level</source>
        <translation>新位置建在：项目最上一级</translation>
    </message>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="327" />
        <location filename="../../app/views/location_tree_panel.py" line="391" />
        <source>New places go under: %1</source>
        <translation>新位置建在：%1 之下</translation>
    </message>
    <message>
        <location filename="../../app/views/location_tree_panel.py" line="342" />
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
        <location filename="../../app/views/main_window.py" line="48" />
        <location filename="../../app/views/main_window.py" line="136" />
        <source>WarrantyDesk</source>
        <translation>保修工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="78" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="79" />
        <source>New repair request…</source>
        <translation>新建报修…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="83" />
        <source>Verify a printed form…</source>
        <translation>核验打印文件…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="88" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="122" />
        <source>User: %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="124" />
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
        <translation><numerusform>%n 个文件未添加：</numerusform></translation>
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
        <translation><numerusform>%n 个文件，共 %1</numerusform></translation>
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
        <source>Tickets received and closed per month, year over year</source>
        <translation>每月受理与关闭的报修单数量及同比</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="12" />
        <source>Pareto of defect categories and high-incidence locations</source>
        <translation>缺陷类别帕累托图与高发部位</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="13" />
        <source>Response-time compliance, rework rate, satisfaction, overdue follow-ups</source>
        <translation>响应时限达成率、返修率、满意度、逾期回访</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="16" />
        <source>A column per lifecycle state, a card per open ticket</source>
        <translation>每个流程状态一列，每张未关闭的报修单一张卡片</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="17" />
        <source>Drag a card to move the ticket; missing data opens the stage form</source>
        <translation>拖动卡片即可推进报修单；缺少资料时自动打开对应环节的表单</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="18" />
        <source>Swimlanes by project or owner; print the board for the site office</source>
        <translation>按项目或责任人分泳道；可打印看板张贴在现场办公室</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="21" />
        <source>Projects with type, handover and delivery dates, department, subcontractors</source>
        <translation>项目：类型、竣工验收日期与交付日期、项目部、分包单位</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="22" />
        <source>Warranty terms per building part, never below the statutory minimum</source>
        <translation>各部位保修期限，不得低于法定最低期限</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="23" />
        <source>Location tree: buildings, units, floors, rooms; road sections; systems</source>
        <translation>位置树：楼栋、单元、楼层、房间；路段桩号；系统设备</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="26" />
        <source>Owners with contacts, the units they own and their full ticket history</source>
        <translation>业主档案：联系方式、名下房屋及全部报修记录</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="27" />
        <source>Communication log with promised dates, preferences and notes</source>
        <translation>沟通记录、承诺完成日期、偏好与备注</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="30" />
        <source>Follow-up visits scheduled within 7 days of acceptance, with outcome</source>
        <translation>验收后 7 日内自动安排回访并记录结果</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="31" />
        <source>Overdue follow-ups and rewards given</source>
        <translation>逾期回访与客户奖励记录</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="34" />
        <source>Escalations of major and recurring defects</source>
        <translation>重大问题与反复出现问题的升级处理</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="35" />
        <source>Retrospective meetings with root causes, actions and printed minutes</source>
        <translation>专项复盘会议：根本原因、整改措施与会议纪要打印</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="38" />
        <source>KPIs per person and per project department</source>
        <translation>个人与项目部绩效指标</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="39" />
        <source>Monthly and quarterly summaries and the annual white paper as PDF</source>
        <translation>月度、季度保修工作总结与年度保修白皮书（PDF）</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="42" />
        <source>Versioned SOP library linked to defect categories</source>
        <translation>按缺陷类别关联、带版本管理的标准化作业指导书（SOP）</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="43" />
        <source>Typical cases published from retrospectives</source>
        <translation>由专项复盘沉淀的典型案例</translation>
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
        <translation><numerusform>未保存：有 %n 处需要修改。</numerusform></translation>
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
        <location filename="../../app/controllers/projects_controller.py" line="117" />
        <source>set by the contract</source>
        <translation>由合同约定</translation>
    </message>
    <message>
        <location filename="../../app/controllers/projects_controller.py" line="119" />
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
        <location filename="../../app/views/settings_page.py" line="29" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="35" />
        <source>Every action is recorded under this name; the role decides what may be done.</source>
        <translation>每个操作都记在这个名字下；角色决定能办理哪些事项。</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="39" />
        <source>Who is working here</source>
        <translation>当前用户</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="41" />
        <source>Current user</source>
        <translation>我是</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="49" />
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="55" />
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="57" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="65" />
        <source>This installation</source>
        <translation>本机安装</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="67" />
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="68" />
        <source>Installation code</source>
        <translation>安装编码</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="69" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="98" />
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
        <location filename="../../app/views/stage_form.py" line="342" />
        <source>Cannot %1 yet: %2</source>
        <translation>暂不能%1：%2</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/gui.py" line="109" />
        <source>Creating the demo database…</source>
        <translation>正在创建演示数据库…</translation>
    </message>
    <message>
        <location filename="../../app/gui.py" line="150" />
        <source>WarrantyDesk</source>
        <translation>保修工作台</translation>
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
        <location filename="../../app/controllers/ticket_detail_controller.py" line="194" />
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
        <location filename="../../app/controllers/ticket_detail_controller.py" line="211" />
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
        <location filename="../../app/views/ticket_detail_window.py" line="153" />
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="153" />
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="153" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="154" />
        <location filename="../../app/views/ticket_detail_window.py" line="347" />
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="154" />
        <location filename="../../app/views/ticket_detail_window.py" line="352" />
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="161" />
        <source>Handle</source>
        <translation>办理</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="162" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="163" />
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="164" />
        <source>Related</source>
        <translation>相关报修</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="168" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="168" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="168" />
        <source>What happened</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="176" />
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="214" />
        <source>not assigned</source>
        <translation>未派单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="215" />
        <source>  ·  rework %1</source>
        <translation>  ·  返修 %1 次</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="216" />
        <source>Owner: %1</source>
        <translation>责任人：%1</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="221" />
        <source>Warranty verdict: after diagnosis</source>
        <translation>保修判定：诊断后给出</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="229" />
        <source>Attachments (%1)</source>
        <translation>附件（%1）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="241" />
        <source>%1: done %2</source>
        <translation>%1：已完成 %2</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="244" />
        <source>%1: —</source>
        <translation>%1：—</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="250" />
        <source> — paused</source>
        <translation> — 已暂停</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="314" />
        <source>Related (%1)</source>
        <translation>相关报修（%1）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="320" />
        <source>Preview and print: %1</source>
        <translation>预览并打印：%1</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="322" />
        <source>Save as PDF: %1</source>
        <translation>另存为 PDF：%1</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="326" />
        <source>Attach the signed, scanned form…</source>
        <translation>附加已签字表单的扫描件…</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="331" />
        <source>Signed, scanned form</source>
        <translation>已签字表单的扫描件</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="331" />
        <source>Images and PDF (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>图片和 PDF (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="336" />
        <source>WarrantyDesk</source>
        <translation>保修工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="344" />
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="344" />
        <source>failed</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="346" />
        <source>Request</source>
        <translation>报修信息</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="348" />
        <source>Channel</source>
        <translation>报修渠道</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="349" />
        <source>Reporter</source>
        <translation>报修人</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="350" />
        <source>Owner of the unit</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="351" />
        <source>Place</source>
        <translation>报修位置</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="354" />
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="355" />
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="356" />
        <source>Defect category</source>
        <translation>缺陷类别</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="357" />
        <source>Building part</source>
        <translation>工程部位</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="358" />
        <source>Structural safety</source>
        <translation>结构安全</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="358" />
        <source>yes — reported to the authority</source>
        <translation>涉及结构安全，须报告主管部门</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="359" />
        <source>Responsible</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="361" />
        <source>Warranty until</source>
        <translation>保修期截止</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="362" />
        <source>Not covered because</source>
        <translation>不予保修理由</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="364" />
        <source>Repair plan</source>
        <translation>维修计划</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="365" />
        <source>People</source>
        <translation>人员安排</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="366" />
        <source>Estimated hours</source>
        <translation>预计工期（小时）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="367" />
        <source>Safety measures</source>
        <translation>安全措施</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="368" />
        <source>Appointment</source>
        <translation>预约上门</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="369" />
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="371" />
        <source>Work logs</source>
        <translation>维修日志</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="376" />
        <source>Acceptance and follow-up</source>
        <translation>验收与回访</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="377" />
        <source>Result</source>
        <translation>验收结果</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="378" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="379" />
        <source>Owner's comment</source>
        <translation>业主意见</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="380" />
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="382" />
        <source>Follow-up</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="383" />
        <source>Cancelled because</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="393" />
        <source>Unsaved changes</source>
        <translation>有未保存的内容</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_detail_window.py" line="394" />
        <source>This ticket has input that is not saved. Close and discard it?</source>
        <translation>这张报修单有尚未保存的填写内容。关闭并放弃吗？</translation>
    </message>
</context>
<context>
    <name>TicketListController</name>
    <message>
        <location filename="../../app/controllers/ticket_list_controller.py" line="200" />
        <source>No current user is chosen (Settings): “My open tickets” is empty</source>
        <translation>尚未选择当前用户（设置）：“我的待办”为空</translation>
    </message>
    <message>
        <location filename="../../app/controllers/ticket_list_controller.py" line="266" />
        <source>Filter “%1” saved</source>
        <translation>已保存筛选“%1”</translation>
    </message>
    <message>
        <location filename="../../app/controllers/ticket_list_controller.py" line="277" />
        <source>Filter “%1” removed</source>
        <translation>已删除筛选“%1”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/controllers/ticket_list_controller.py" line="390" />
        <source>%n ticket(s) assigned to %1</source>
        <translation><numerusform>已将 %n 张报修单指派给 %1</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/controllers/ticket_list_controller.py" line="408" />
        <source>The database could not be read: %1</source>
        <translation>无法读取数据库：%1</translation>
    </message>
</context>
<context>
    <name>TicketListPage</name>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="68" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="69" />
        <source>My open tickets</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="70" />
        <source>Overdue today</source>
        <translation>今日超时</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="71" />
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="72" />
        <source>Awaiting acceptance</source>
        <translation>待验收</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="73" />
        <source>All open</source>
        <translation>全部未结</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="76" />
        <source>Every ticket (the filters below still apply)</source>
        <translation>全部报修单（下方筛选条件仍然有效）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="77" />
        <source>Open tickets I am responsible for</source>
        <translation>我负责的未结报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="78" />
        <source>Open tickets already overdue or with a timer due before midnight</source>
        <translation>已超时或今天24点前到期的未结报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="81" />
        <source>Open emergency and urgent tickets</source>
        <translation>紧急和加急的未结报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="82" />
        <source>Tickets waiting for the owner's acceptance</source>
        <translation>等待业主验收的报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="83" />
        <source>Every ticket not yet closed</source>
        <translation>所有尚未关闭的报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="133" />
        <source>Completion confirmation forms…</source>
        <translation>保修完成确认单…</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="134" />
        <source>Work orders…</source>
        <translation>维修派工单…</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="135" />
        <source>Not-covered notices…</source>
        <translation>不予保修告知书…</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="185" />
        <location filename="../../app/views/ticket_list_page.py" line="811" />
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="274" />
        <location filename="../../app/views/ticket_list_page.py" line="459" />
        <source>New ticket</source>
        <translation>新建报修</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="277" />
        <source>Register a new repair request (Ctrl+N)</source>
        <translation>登记一张新的报修单（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="279" />
        <location filename="../../app/views/ticket_list_page.py" line="417" />
        <source>Assign owner…</source>
        <translation>指派责任人…</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="281" />
        <source>Assign the selected tickets to one person (Ctrl+Shift+A)</source>
        <translation>把选中的报修单指派给一个人（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="307" />
        <source>Saved filters</source>
        <translation>我的筛选</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="318" />
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="319" />
        <source>Choose the columns shown (also: right-click the header)</source>
        <translation>选择显示哪些列（也可在表头上单击右键）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="330" />
        <source>Export forms</source>
        <translation>导出表单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="331" />
        <source>Save a form as PDF for each selected ticket, or for every ticket of the filter when none is selected</source>
        <translation>为选中的每张报修单导出 PDF 表单；未选中时导出当前筛选出的全部报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="350" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="351" />
        <source>Open (not closed)</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="359" />
        <source>All projects</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="363" />
        <source>All urgencies</source>
        <translation>全部紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="371" />
        <source>Search number, description, location, reporter, phone…  (Ctrl+F)</source>
        <translation>搜索单号、描述、位置、报修人、电话…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="375" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="377" />
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="379" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="415" />
        <source>Open ticket</source>
        <translation>打开报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="421" />
        <source>Copy rows (for Excel)</source>
        <translation>复制所选行（可粘贴到 Excel）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="463" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="581" />
        <source>Save current filter as…</source>
        <translation>将当前筛选保存为…</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="584" />
        <source>Remove saved filter</source>
        <translation>删除已存筛选</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="598" />
        <source>Save filter</source>
        <translation>保存筛选</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="599" />
        <source>Name of this filter (quick filter, state, project, urgency, search):</source>
        <translation>筛选名称（保存快速筛选、状态、项目、紧急程度和搜索词）：</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="601" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="664" />
        <source>Restore default columns</source>
        <translation>恢复默认列</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="680" />
        <source>This column cannot be sorted</source>
        <translation>此列不能排序</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_list_page.py" line="728" />
        <source>%n row(s) copied</source>
        <translation><numerusform>已复制 %n 行</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="732" />
        <source>Folder for the PDF files</source>
        <translation>PDF 文件保存到</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="739" />
        <source>Select the tickets to assign first</source>
        <translation>请先选中要指派的报修单</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_list_page.py" line="768" />
        <source>… and %n more</source>
        <translation><numerusform>… 另有 %n 张未列出</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="775" />
        <source>Assign responsible owner</source>
        <translation>指派责任人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_list_page.py" line="776" />
        <source>%n ticket(s) cannot be assigned. Nothing has been changed.</source>
        <translation><numerusform>有 %n 张报修单不能指派，所有报修单均未修改。</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_list_page.py" line="780" />
        <source>Assign the other %n</source>
        <translation><numerusform>只指派其余 %n 张</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="784" />
        <source>Back</source>
        <translation>返回修改</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="798" />
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_list_page.py" line="800" />
        <source>%n ticket(s)</source>
        <translation><numerusform>共 %n 张报修单</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="813" />
        <source>Age:</source>
        <translation>账龄：</translation>
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
        <translation><numerusform>（返修 %n 次）</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_table_model.py" line="341" />
        <location filename="../../app/views/ticket_table_model.py" line="370" />
        <source>%n day(s)</source>
        <translation><numerusform>%n天</numerusform></translation>
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
        <translation><numerusform>%n小时</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_table_model.py" line="373" />
        <source>%n minute(s)</source>
        <translation><numerusform>%n分钟</numerusform></translation>
    </message>
</context>
<context>
    <name>TicketWindows</name>
    <message>
        <location filename="../../app/controllers/ticket_windows.py" line="89" />
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