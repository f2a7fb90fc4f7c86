// Draws the dashboard's charts from the data tables the server rendered beside them, so that the
// screen-reader table and the chart can never disagree. A file of its own, never inline, so that the
// page's Content-Security-Policy can forbid every inline script.
(function () {
    'use strict';

    const locale = document.documentElement.lang;
    const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const monthFormat = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    // Colours with at least 3:1 contrast against white (WCAG 2.1, 1.4.11 non-text contrast).
    const palette = ['#1f5fa8', '#6b7785', '#b3541e', '#2e7d32', '#7b3fa0', '#8c6d00'];

    function usd(value) {
        return value === null ? '' : 'USD ' + compact.format(value);
    }

    function pct(value) {
        return value === null || value === undefined ? '' : percent.format(value / 100);
    }

    // Exact decimal strings in data-value attributes; charts need them only as numbers for drawing.
    function cellValue(cell) {
        const value = cell.getAttribute('data-value');
        return value === null ? null : Number(value);
    }

    function readTable(id) {
        const table = document.getElementById(id);
        const headers = Array.from(table.tHead.rows[0].cells).map(function (cell) {
            return cell.textContent.replace(/\s*\(USD\)\s*$/, '').trim();
        });
        const rows = Array.from(table.tBodies[0].rows).map(function (row) {
            return { name: row.cells[0].textContent.trim(), head: row.cells[0], values: Array.from(row.cells).slice(1).map(cellValue) };
        });
        return { table: table, headers: headers, rows: rows };
    }

    function column(data, index) {
        return data.rows.map(function (row) { return row.values[index]; });
    }

    // animation:false so that 'finished' means the final picture, which the browser test reads back.
    // The SVG renderer puts every label in the DOM, where the test measures that none overlaps another.
    function chart(id, build) {
        const element = document.getElementById(id);
        if (!element) {
            return;
        }
        const instance = echarts.init(element, null, { renderer: 'svg' });
        instance.on('finished', function () {
            element.setAttribute('data-chart-finished', 'true');
        });
        function draw() {
            const option = build(element.clientWidth < 600);
            option.animation = false;
            option.color = palette;
            option.textStyle = { fontSize: 12, color: '#1d2a3a' };
            instance.setOption(option, true);
        }
        draw();
        window.addEventListener('resize', function () {
            instance.resize();
            draw();
        });
    }

    function valueAxis(narrow) {
        return { type: 'value', splitNumber: narrow ? 2 : 4, axisLabel: { formatter: usd, color: '#1d2a3a' } };
    }

    function categoryAxis(names, narrow) {
        return { type: 'category', inverse: true, data: names,
            axisLabel: { width: narrow ? 96 : 170, overflow: 'break', lineHeight: 17, color: '#1d2a3a', interval: 0 } };
    }

    // Figure 2 and the regions share a table shape: name, received, what it is read against, and the
    // percentage that labels the received bar (achieved against target, or share of the year's income).
    function receivedAgainst(tableId) {
        return function (narrow) {
            const data = readTable(tableId);
            const percentages = column(data, 2);
            return {
                tooltip: { trigger: 'axis', valueFormatter: usd },
                legend: { top: 0, left: 0 },
                grid: { left: 4, right: 60, top: 40, bottom: 8, containLabel: true },
                xAxis: valueAxis(narrow),
                yAxis: categoryAxis(data.rows.map(function (row) { return row.name; }), narrow),
                series: [
                    { name: data.headers[1], type: 'bar', data: column(data, 0),
                        label: { show: true, position: 'right', formatter: function (item) { return pct(percentages[item.dataIndex]); } } },
                    { name: data.headers[2], type: 'bar', data: column(data, 1) }
                ]
            };
        };
    }

    chart('progress-chart', receivedAgainst('progress-table'));
    chart('regions-chart', receivedAgainst('regions-table'));

    chart('monthly-chart', function (narrow) {
        const data = readTable('monthly-table');
        const target = data.table.getAttribute('data-target');
        const months = data.rows.map(function (row) {
            return monthFormat.format(new Date(row.head.getAttribute('data-month') + '-01T00:00:00Z'));
        });
        const series = [{ name: data.headers[1], type: 'line', showSymbol: false, data: column(data, 0) }];
        if (target !== null) {
            series.push({ name: data.table.getAttribute('data-target-name'), type: 'line', showSymbol: false,
                lineStyle: { type: 'dashed' }, data: months.map(function () { return Number(target); }) });
        }
        return {
            tooltip: { trigger: 'axis', valueFormatter: usd },
            legend: { top: 0, left: 0 },
            grid: { left: 4, right: 16, top: 40, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: months, axisLabel: { color: '#1d2a3a' } },
            yAxis: { type: 'value', splitNumber: narrow ? 3 : 5, axisLabel: { formatter: usd, color: '#1d2a3a' } },
            series: series
        };
    });

    chart('plan-chart', function (narrow) {
        const data = readTable('plan-table');
        // One series per plan year so far (cumulative), then the envelope; the achieved column follows them.
        const seriesCount = Array.from(data.table.tHead.rows[0].cells).filter(function (cell) {
            return cell.getAttribute('data-series') !== null;
        }).length;
        const achieved = column(data, seriesCount);
        const series = [];
        for (let index = 0; index < seriesCount; index++) {
            const last = index === seriesCount - 2;
            series.push({ name: data.headers[index + 1], type: 'bar', data: column(data, index),
                label: { show: last, position: 'right', formatter: function (item) { return pct(achieved[item.dataIndex]); } } });
        }
        return {
            tooltip: { trigger: 'axis', valueFormatter: usd },
            legend: { top: 0, left: 0, right: 0 },
            // Room for the legend, which wraps onto a second line on a phone once it has more than three entries.
            grid: { left: 4, right: 60, top: narrow && seriesCount > 3 ? 80 : 40, bottom: 8, containLabel: true },
            xAxis: valueAxis(narrow),
            yAxis: categoryAxis(data.rows.map(function (row) { return row.name; }), narrow),
            series: series
        };
    });
}());
