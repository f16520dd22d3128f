/// Official examples of GSTN's public APIs (see `OfficialExamples`), re-serialised compactly.
extension OfficialExamples {
    /// POST public/gstin/search "200 Success" — `endpoints/public/search_gstin.mdx`; OpenAPI@14e9000 ~0.055M.
    static let publicGSTINSearch = #"{"code":200,"data":{"data":{"adadr":[],"ctb":"Proprietorship","ctj":"RANGE-DED8","ctjCd":"YT0804","cxdt":"","dty":"Regular","einvoiceStatus":"No","gstin":"29AFSPB9500E1ZY","lgnm":"Vicky Pvt Ltd","lstupdt":"18/10/2019","nba":["Supplier of Services"],"pradr":{"addr":{"bnm":"Wellington New Place, Prestige Shantiniketan","bno":"26666, Block 77","dst":"Bengaluru Urban","flno":"Level 05","geocodelvl":"NA","landMark":"","lg":"","loc":"Bangalore","locality":"","lt":"","pncd":"560048","st":"Whitefield Main Road, Near ITPL","stcd":"Karnataka"},"ntr":"Supplier of Services"},"rgdt":"18/10/2019","stj":"LGSTO 036 - Bengaluru","stjCd":"KA119","sts":"Active","tradeNam":"Vicky Pvt Ltd"},"status_cd":"1"},"timestamp":1763446641000,"transaction_id":"5248feb5-dd09-4f0d-9a42-14b34b849087"}"#

    /// POST public/gstin/search "FO8000 No records found" — same page; OpenAPI@14e9000 ~0.057M.
    static let publicGSTINSearchNoRecords = #"{"code":200,"data":{"error":{"error_cd":"FO8000","message":"No records found"},"status_cd":"0"},"timestamp":1763446641000,"transaction_id":"4ebb94a3-b0c2-4253-b688-4e9842e37b75"}"#

    /// POST public/pan/search "200 Success" — `endpoints/public/search_pan.mdx`; OpenAPI@14e9000 ~0.108M.
    static let publicPANSearch = #"{"code":200,"data":[{"data":{"ctjCd":"","cxdt":"-","dty":"Regular","einvoiceStatus":"No","gstin":"33GSPTN9771G1ZR","lgnm":"NARENDRA KUMAR PAREEK","lstupdt":"11/09/2017","stjCd":"","sts":"Cancelled","tradeNam":"M/S AJAY GAS CENTRE"},"gstin":"33GSPTN9771G1ZR"},{"data":{"ctjCd":"","cxdt":"-","dty":"Regular","einvoiceStatus":"No","gstin":"33GSPTN9771G2ZQ","lgnm":"NISAR ALI","lstupdt":"11/09/2017","stjCd":"","sts":"Cancelled","tradeNam":""},"gstin":"33GSPTN9771G2ZQ"},{"data":{"ctb":"Proprietorship","ctj":"","ctjCd":"0101","cxdt":"","dty":"Regular","einvoiceStatus":"No","gstin":"33GSPTN9771G3ZP","lgnm":"Adaequare TN TaxPayer 1 Ltd","lstupdt":"06/01/2018","rgdt":"01/04/2016","stj":"ADYAR","stjCd":"TN001","sts":"Active","tradeNam":"Adaequare TN TaxPayer 1 Ltd"},"gstin":"33GSPTN9771G3ZP"}],"timestamp":200,"transaction_id":"a8822161-3bbd-467e-8404-db3e3e489c17"}"#

    /// POST public/pan/search "NOGSTIN No records found" — same page; OpenAPI@14e9000 ~0.111M.
    static let publicPANSearchNoGSTIN = #"{"code":200,"data":{"error_code":"NOGSTIN","message":"No records found"},"timestamp":1763446641000,"transaction_id":"c871a8fa-b8fc-47dd-bd15-9f9c3bacd60e"}"#

    /// POST public/gstin/verify "200 valid gstin" — `endpoints/public/verify_gstin.mdx`; OpenAPI@864ff1b (the newer
    /// document: 14e9000 lacks this operation) ~0.028M.
    static let publicGSTINVerify = #"{"code":200,"timestamp":1775824753133,"data":{"data":{"legalName":"SANDBOX FINANCIAL TECHNOLOGIES PRIVATE LIMITED","bussNature":"Service Provider and Others","stateName":"Gujarat","validGstin":true,"stateCode":"24","pan":"ABKCS2033B","gstin":"24ABKCS2033B1ZV","regStartDate":"06/02/2023","status":"Active"},"status_cd":"1"},"transaction_id":"31ac0ccf-39b6-42e0-9646-aebf47d8d980"}"#

    /// POST public/gstrs/track "200 Filed returns" — `endpoints/public/track_gstrs.mdx`; OpenAPI@14e9000 (identical in 864ff1b), abridged to its first two entries.
    static let publicTrack = #"{"code":200,"data":{"data":{"EFiledlist":[{"arn":"AA330820000343Z","dof":"01-02-2023","mof":"GSP","ret_prd":"082020","rtntype":"GSTR1","status":"Filed","valid":"Y"},{"arn":"AA330920000445R","dof":"01-02-2023","mof":"GSP","ret_prd":"092020","rtntype":"GSTR1","status":"Filed","valid":"Y"}]},"status_cd":"1"},"timestamp":1763446641000,"transaction_id":"7495493a-b127-4eca-a304-a550fbc98447"}"#

    /// POST public/gstrs/track "RET13510 No Record Found" — same page.
    static let publicTrackNoRecord = #"{"code":200,"data":{"error":{"error_code":"RET13510","message":"No Record found for the provided Inputs"},"status_cd":"0"},"timestamp":1763446641000,"transaction_id":"6c47d6e5-24dd-4350-8152-c8cf92fd51ac"}"#

    /// POST public/gstrs/track "RTN_22 Select Valid FY" — same page.
    static let publicTrackInvalidYear = #"{"code":200,"data":{"error":{"error_code":"RTN_22","message":"Please select a valid financial year"},"status_cd":"0"},"timestamp":1763446641000,"transaction_id":"24a346fb-7f99-4404-b07d-e770cee882d5"}"#

    /// GET gstrs/{year}/{month}/track "success" — `endpoints/taxpayer/common/track_returns.mdx`; OpenAPI@864ff1b ~6.56M.
    static let taxpayerTrack = #"{"code":200,"data":{"status_cd":"1","data":{"EFiledlist":[{"arn":"AA010143556585B","ret_prd":"022017","mof":"ONLINE","dof":"08-02-2017","rtntype":"GSTR2","status":"Filed","valid":"Y"},{"arn":"AA010143556585B","ret_prd":"022017","mof":"ONLINE","dof":"07-02-2017","rtntype":"GSTR1","status":"Filed","valid":"Y"},{"arn":"AA010143556587A","ret_prd":"032017","mof":"ONLINE","dof":"07-03-2017","rtntype":"GSTR3","status":"Filed","valid":"N"}]}},"timestamp":1763446641000,"transaction_id":"0ca94d55-c0ab-452f-9d28-e0f9509d1df4"}"#

    /// GET gstrs/{year}/{month}/track "record_not_found" — same page.
    static let taxpayerTrackNotFound = #"{"code":200,"timestamp":1782371188498,"data":{"status_cd":"1","data":{}},"transaction_id":"9fff47a3-15e0-4cd1-864f-7cf72338498c"}"#

    /// GET gstrs/preference "Success" — `endpoints/taxpayer/common/get_filing_preference.mdx`; OpenAPI@864ff1b ~6.60M.
    static let taxpayerPreference = #"{"code":200,"data":{"status_cd":"1","data":{"response":[{"preference":"M","quarter":"Q1"},{"preference":"M","quarter":"Q2"},{"preference":"M","quarter":"Q3"},{"preference":"M","quarter":"Q4"}]}},"timestamp":1685540172000,"transaction_id":"3733caed-31b1-45db-8cfa-0144afd983eb"}"#

    /// POST public/gstrs/preference "Monthly preference" — `endpoints/public/get_preference.mdx`; OpenAPI@864ff1b.
    static let publicPreference = #"{"code":200,"timestamp":1775825033134,"data":{"data":{"response":[{"preference":"M","quarter":"Q1"},{"preference":"M","quarter":"Q2"},{"preference":"M","quarter":"Q3"},{"preference":"M","quarter":"Q4"}]},"status_cd":"1"},"transaction_id":"903962ca-bc29-45c5-b879-3e51c7f9887d"}"#

    /// GET aato "success" — `endpoints/taxpayer/common/get_aato_values.mdx`; OpenAPI@864ff1b ~6.73M.
    static let aato = #"{"code":200,"timestamp":1763446641000,"transaction_id":"41bb8041-fb83-4654-8d75-85a19f329158","data":{"status_cd":"1","data":{"gstin":"33GSPTN0062G1ZH","fy":"2020-21","pan":"AAGFT0853L","gsttofil":1100,"pantofil":5000,"estgstto":1234,"estpanto":5678,"finalgstto":1234,"finalpanto":5678,"tpdecto":[{"estgstto":1234,"gsttobytp":1334,"docId":{"id":"20210407311"},"remarks":"GSP 1st submission","filingDate":"01/07/2021 15:31:13"},{"estgstto":1234,"gsttobytp":1334,"docId":{"id":"20210407311"},"remarks":"GSP 2nd submission","filingDate":"01/07/2021 15:31:13"}]}}}"#

    /// POST public/gstin/changed-list "Changed GSTIN list" — `endpoints/public/get-day-wise-changed-gstins.mdx`; OpenAPI@864ff1b (its counts contradict its one record; shapes only).
    static let changedList = #"{"code":200,"data":{"data":{"tpgcnt":1,"cpgnum":1,"ismpg":"N","cnt":6,"gstLst":[{"state_cd":"24","gstdtls":[{"chng_typ":"G","gstin":"427adfe66a80ec823a53c1dd56fd0157","chng_dt":"24-01-2017"}]}],"totalCount":7},"status_cd":"1"},"timestamp":1763446641000,"transaction_id":"a4bcca2e-7e82-4eaf-8046-6cd4e8c028c1"}"#

    /// POST public/unregistered-applicants "Unregistered applicant" — `endpoints/public/get-unregistered-applicant-details.mdx`; OpenAPI@864ff1b.
    static let unregisteredApplicant = #"{"code":200,"data":{"data":{"name":"Dev Prakruthi","pan":"SRIFP2884S","state":"Tamil Nadu","authstatus":"A","regdt":"28/09/1989","candt":"","addtls":{"bno":"3/1-10","bnm":"","st":"3rd Street","loc":"West Mambalam","pncd":"600033","stcd":"Tamil Nadu","lg":"13.035805","lt":"80.2204520000001","dst":"Chennai","cnty":"IND","landMark":"West Mambalam Sub Post Office","city":"Chennai"},"goodsdetails":"","servicedetails":""},"status_cd":"1"},"timestamp":1785424627417,"transaction_id":"f8be2d24-ed85-4a65-9763-0a3bef00870a"}"#

    /// POST public/unregistered-applicants/validation "Validated contact details" — `endpoints/public/unregistered-applicants-validation.mdx`; OpenAPI@864ff1b.
    static let unregisteredValidation = #"{"code":200,"data":{"data":{"Enrolment Number":"372300000015ES1","Mobile Number":"matched","Email Address":"unmatched"},"status_cd":"1"},"timestamp":1785424627417,"transaction_id":"eb03920d-5dae-447b-aa2a-8e4931ccbe58"}"#
}
